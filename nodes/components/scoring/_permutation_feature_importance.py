"""Permutation Feature Importance's design-time side: the metric suits the model, the data has its columns.

Its run (`_permutation_feature_importance_run`) permutes with scikit-learn."""
from __future__ import annotations

from nodes import errors
from nodes.components.scoring.permutation_feature_importance import (
    CLASSIFICATION_METRICS,
    DATASET,
    METRIC,
    MODEL,
    OUTPUT,
)
from nodes.context import DesignContext
from nodes.model_schemas import ModelSchema
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema
from nodes.tasks import Task

FEATURE, SCORE = "Feature", "Score"
RESULT = TableSchema((Column(FEATURE, ColumnType.STRING), Column(SCORE, ColumnType.DOUBLE)))


def check(model: ModelSchema, schema: TableSchema, metric: str) -> None:
    """The metric suits the model's task (0013), the test data has its features (0001, 0017) and label (0001)."""
    if model.task not in (Task.REGRESSION, Task.BINARY, Task.MULTICLASS):
        raise errors.invalid_learner(MODEL, f"Permutation Feature Importance needs a regression or classification "
                                            f"model; {model.name} is a {model.task.value} model.")
    if (metric in CLASSIFICATION_METRICS) != model.task.classification:
        kind = "classification" if model.task.classification else "regression"
        raise errors.ComponentError(13, "InvalidLearner", f'"{metric}" does not measure a {kind} model; choose a '
                                    f"{kind} metric.", parameter=METRIC, port=MODEL)
    model.check_features(schema, DATASET)
    if model.label not in schema:
        raise errors.column_not_found(model.label)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    model: ModelSchema | None = inputs.get(MODEL)
    schema: TableSchema | None = inputs.get(DATASET)
    if model is not None and schema is not None:
        check(model, schema, params[METRIC])
    return {OUTPUT: RESULT}
