"""Score Model and Assign Data to Clusters with a trained model whose preparation and estimator compile: the score
columns appended (any input column of the same name replaced; Score Model also marks the label column), or
alone."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from engine.compiled.kernel import Arrays, Kernel, NotCompilable, constant, varying
from engine.compiled.models.scoring import compile_scorer
from nodes.components.scoring import assign_data_to_clusters, score_model
from nodes.errors import ComponentError
from nodes.models import Task, TrainedModel
from nodes.params import Params
from nodes.schema import Role, TableSchema


def make(params: Params, inputs: Mapping[str, Any]) -> Kernel:
    """Score Model's kernel."""
    return _scoring(inputs, score_model.MODEL, score_model.DATASET, score_model.OUTPUT, params[score_model.APPEND],
                    label=True)


def make_assign(params: Params, inputs: Mapping[str, Any]) -> Kernel:
    """Assign Data to Clusters' kernel."""
    model = inputs.get(assign_data_to_clusters.MODEL)
    if getattr(model, "task", None) is not Task.CLUSTERING:
        raise NotCompilable("the model is not a clustering model")
    return _scoring(inputs, assign_data_to_clusters.MODEL, assign_data_to_clusters.DATASET,
                    assign_data_to_clusters.OUTPUT, params[assign_data_to_clusters.APPEND], label=False)


def _scoring(inputs: Mapping[str, Any], model_port: str, data_port: str, output: str, append: bool,
             label: bool) -> Kernel:
    schema = varying(inputs, data_port)
    model: TrainedModel = constant(inputs, model_port, TrainedModel)
    try:
        model.schema.check_features(schema, data_port)
    except ComponentError as error:
        raise NotCompilable(str(error)) from error
    scorer, scores = compile_scorer(model, schema)
    if not append:
        return Kernel(lambda tables: {output: scorer(tables[data_port])}, {output: scores})
    kept = TableSchema(tuple(c for c in schema.columns if c.name not in scores))
    if label and model.label in kept:
        kept = kept.replace_columns(**{model.label: replace(kept[model.label], role=Role.LABEL)})

    def run(tables: Mapping[str, Arrays]) -> dict[str, Arrays]:
        columns = tables[data_port]
        return {output: {**{name: columns[name] for name in kept.names}, **scorer(columns)}}

    return Kernel(run, {output: TableSchema(kept.columns + scores.columns)})
