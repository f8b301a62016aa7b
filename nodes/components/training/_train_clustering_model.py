"""Train Clustering Model: the clustering learner fits the chosen columns; the training rows get their clusters."""
from __future__ import annotations

from typing import TYPE_CHECKING

from nodes import errors
from nodes.columns import some_columns
from nodes.components.algorithms.k_means_clustering import FILL_MISSING, IGNORE_LABEL, LABEL_MODE
from nodes.components.scoring._assign_data_to_clusters import cluster_results, results_schema
from nodes.components.scoring.assign_data_to_clusters import APPEND
from nodes.components.training.train_clustering_model import COLUMNS, DATASET, LEARNER, MODEL, RESULTS
from nodes.context import DesignContext, RunContext
from nodes.features import NOT_FEATURES
from nodes.models import DISTANCE, ClusterLabels, LearnerSchema, ModelSchema, Task, TrainedModel
from nodes.params import Params
from nodes.table import Column, ColumnType, Role, Table, TableSchema

if TYPE_CHECKING:  # the learner's module loads scikit-learn; configure needs none of it
    from nodes.learner import Learner


def check_learner(learner: LearnerSchema) -> None:
    if learner.task is not Task.CLUSTERING:
        raise errors.invalid_learner(LEARNER, f'"{learner.name}" is a {learner.task.value} learner; Train '
                                              "Clustering Model needs a clustering learner such as K-Means Clustering.")


def clustered_columns(schema: TableSchema, params: Params) -> list[Column]:
    """The chosen columns but label, score and weight ones (error 0020 if none is left, 0017 for dates)."""
    chosen = set(some_columns(params[COLUMNS], schema, COLUMNS))
    columns = [c for c in schema.columns if c.name in chosen and c.role not in NOT_FEATURES]
    if not columns:
        raise errors.ComponentError(20, "TooFewColumns", "No column to cluster on: the Column set holds only label, "
                                    "score or weight columns.", port=DATASET, parameter=COLUMNS)
    for column in columns:
        if column.type in (ColumnType.DATETIME, ColumnType.TIMESPAN):
            raise errors.invalid_column_type(column.name, "Numeric, String or Boolean", COLUMNS)
    return columns


def label_of(schema: TableSchema) -> str | None:
    labels = schema.with_role(Role.LABEL)
    return labels[0] if labels else None


def nearest_labels(model: TrainedModel, table: Table) -> tuple:
    """Each cluster's label: that of the labelled training row nearest its center (error 0024 if none is)."""
    labelled = table.frame[table.frame[model.label].notna()]
    if labelled.empty:
        raise errors.not_labeled(DATASET)
    distances = model.score(labelled).filter(like=DISTANCE).to_numpy()
    return tuple(labelled[model.label].to_numpy(dtype=object)[distances.argmin(axis=0)])


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    learner: LearnerSchema | None = inputs.get(LEARNER)
    schema: TableSchema | None = inputs.get(DATASET)
    if learner is not None:
        check_learner(learner)
    if schema is None:
        return {MODEL: None, RESULTS: None}
    features = clustered_columns(schema, params)
    if learner is None:
        return {MODEL: None, RESULTS: None}
    label = label_of(schema)
    model = ModelSchema(learner.name, Task.CLUSTERING, label or "", TableSchema(tuple(features)),
                        schema[label].type if label else None, learner.classes)
    return {MODEL: model, RESULTS: results_schema(schema, model, params[APPEND])}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    learner: Learner = inputs[LEARNER]
    table: Table = inputs[DATASET]
    check_learner(learner.schema)
    features = clustered_columns(table.schema, params)
    if table.frame.empty:
        raise errors.too_few_rows(DATASET, 0, 1)
    ctx.progress(0.1, "Fitting")
    model = learner.fit(table, label_of(table.schema), features)
    mode = learner.params.get(LABEL_MODE, IGNORE_LABEL)
    if mode != IGNORE_LABEL and model.label:
        model.cluster_labels = ClusterLabels(nearest_labels(model, table), fill=mode == FILL_MISSING)
    ctx.progress(0.8, "Assigning")
    return {MODEL: model, RESULTS: cluster_results(table, model, params[APPEND])}
