"""Tune Model Hyperparameters' design-time side: the learner's task, the label and the validation set's columns.

Its run (`_tune_model_hyperparameters_run`) sweeps with SciPy and scikit-learn."""
from __future__ import annotations

from nodes import errors
from nodes.components.training._train_model import check_label
from nodes.components.training.tune_model_hyperparameters import BEST, LABEL, LEARNER, RESULTS, TRAINING, VALIDATION
from nodes.context import DesignContext
from nodes.features import feature_columns
from nodes.model_schemas import ModelSchema
from nodes.params import Params
from nodes.schema import TableSchema
from nodes.tasks import LearnerSchema, Task

TUNABLE_TASKS = (Task.REGRESSION, Task.BINARY, Task.MULTICLASS)


def check_learner(learner: LearnerSchema, component: str = "Tune Model Hyperparameters") -> None:
    """Error 0013 unless the learner does regression or classification."""
    if learner.task not in TUNABLE_TASKS:
        raise errors.invalid_learner(LEARNER, f"{component} takes regression and classification learners; "
                                              f"{learner.name} is a {learner.task.value} learner.")


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    learner: LearnerSchema | None = inputs.get(LEARNER)
    schema: TableSchema | None = inputs.get(TRAINING)
    validation: TableSchema | None = inputs.get(VALIDATION)
    if learner is not None:
        check_learner(learner)
    if schema is None:
        return {RESULTS: None, BEST: None}
    label = check_label(schema, params, learner.task if learner else None)
    features = TableSchema(tuple(feature_columns(schema, label)))
    if validation is not None:
        model = ModelSchema("", Task.REGRESSION, label, features)
        model.check_features(validation, VALIDATION)
        if label not in validation:
            raise errors.column_not_found(label, LABEL)
    if learner is None:
        return {RESULTS: None, BEST: None}
    return {RESULTS: None, BEST: ModelSchema(learner.name, learner.task, label, features, schema[label].type)}
