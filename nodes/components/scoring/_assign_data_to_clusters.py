"""Assign Data to Clusters: the clustering model scores the rows; Assignments and distances are appended (or alone).

`cluster_results` and `results_schema` are shared with Train Clustering Model, whose Results dataset is the same.
"""
from __future__ import annotations

import pandas as pd

from nodes import errors
from nodes.components.scoring.assign_data_to_clusters import APPEND, DATASET, MODEL, OUTPUT
from nodes.context import DesignContext, RunContext
from nodes.models import ASSIGNMENTS, ModelSchema, Task, TrainedModel
from nodes.params import Params
from nodes.table import Role, Table, TableSchema


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


def cluster_results(table: Table, model: TrainedModel, append: bool) -> Table:
    """The score columns of every row of `table`, after its columns when `append`; the label column filled or
    overwritten from the clusters when the model says so (K-Means' Assign label mode)."""
    scores = model.score(table.frame)
    roles = dict.fromkeys(scores.columns, Role.SCORE)
    if not append:
        return Table(scores, roles)
    frame = table.frame
    if model.cluster_labels is not None and model.label in frame.columns:
        frame = frame.assign(**{model.label: model.cluster_labels.apply(frame[model.label], scores[ASSIGNMENTS])})
    frame = pd.concat([frame.drop(columns=scores.columns, errors="ignore"), scores], axis=1)
    return table.with_frame(frame).with_roles(**roles)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    model: ModelSchema | None = inputs.get(MODEL)
    schema: TableSchema | None = inputs.get(DATASET)
    if model is not None:
        check_clustering(model, MODEL)
    if model is None or schema is None:
        return {OUTPUT: None}
    model.check_features(schema, DATASET)
    return {OUTPUT: results_schema(schema, model, params[APPEND])}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    model: TrainedModel = inputs[MODEL]
    check_clustering(model.schema, MODEL)
    ctx.progress(0.1, "Assigning")
    return {OUTPUT: cluster_results(inputs[DATASET], model, params[APPEND])}
