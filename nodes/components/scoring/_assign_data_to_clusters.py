"""Assign Data to Clusters: the clustering model scores the rows; Assignments and distances are appended (or alone).

`results_schema` (and the run module's `cluster_results`) are shared with Train Clustering Model, whose Results
dataset is the same.
"""
from __future__ import annotations

from nodes import errors
from nodes.components.scoring.assign_data_to_clusters import APPEND, DATASET, MODEL, OUTPUT
from nodes.context import DesignContext
from nodes.model_schemas import ModelSchema
from nodes.params import Params
from nodes.schema import TableSchema
from nodes.tasks import Task


def check_clustering(model: ModelSchema, port: str) -> None:
    """Error 0013 unless the model is a clustering model."""
    if model.task is not Task.CLUSTERING:
        raise errors.invalid_learner(port, f'"{model.name}" is a {model.task.value} model; Assign Data to Clusters '
                                           "needs a model from Train Clustering Model.")


def results_schema(schema: TableSchema, model: ModelSchema, append: bool) -> TableSchema | None:
    scores = model.score_schema()
    if scores is None or not append:
        return scores
    kept = TableSchema(tuple(c for c in schema.columns if c.name not in scores))
    return kept.append(*scores.columns)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    model: ModelSchema | None = inputs.get(MODEL)
    schema: TableSchema | None = inputs.get(DATASET)
    if model is not None:
        check_clustering(model, MODEL)
    if model is None or schema is None:
        return {OUTPUT: None}
    model.check_features(schema, DATASET)
    return {OUTPUT: results_schema(schema, model, params[APPEND])}
