"""Train Clustering Model: the clustering learner fits the chosen columns; the training rows get their clusters."""
from __future__ import annotations

from nodes import errors
from nodes.columns import some_columns
from nodes.components.scoring._assign_data_to_clusters import results_schema
from nodes.components.scoring.assign_data_to_clusters import APPEND
from nodes.components.training.train_clustering_model import COLUMNS, DATASET, LEARNER, MODEL, RESULTS
from nodes.context import DesignContext
from nodes.features import NOT_FEATURES
from nodes.model_schemas import ModelSchema
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema
from nodes.tasks import LearnerSchema, Task


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
