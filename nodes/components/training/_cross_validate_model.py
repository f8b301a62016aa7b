"""Cross Validate Model's design-time side: the learner's task, the label, and the scored and per-fold schemas.

Its run (`_cross_validate_model_run`) fits the folds with scikit-learn."""
from __future__ import annotations

from dataclasses import replace

from nodes.components.training._train_model import check_label
from nodes.components.training._tune_model_hyperparameters import check_learner
from nodes.components.training.cross_validate_model import BY_FOLD, DATASET, EXAMPLES, FOLD_NUMBER, LEARNER, SCORED
from nodes.context import DesignContext
from nodes.metric_names import CLASSIFICATION, REGRESSION
from nodes.model_schemas import score_columns
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema
from nodes.tasks import LearnerSchema, Task

NAME = "Cross Validate Model"

FOLD = Column(FOLD_NUMBER, ColumnType.INTEGER, role=Role.NONE)


def metric_names(task: Task) -> tuple[str, ...]:
    return REGRESSION if task is Task.REGRESSION else CLASSIFICATION


def by_fold_schema(task: Task) -> TableSchema:
    return TableSchema((Column(FOLD_NUMBER, ColumnType.STRING), Column(EXAMPLES, ColumnType.DOUBLE),
                        *(Column(name, ColumnType.DOUBLE) for name in metric_names(task))))


def scored_schema(schema: TableSchema, label: str, scores: TableSchema | None) -> TableSchema | None:
    if scores is None:
        return None
    labelled_schema = schema.replace_columns(**{label: replace(schema[label], role=Role.LABEL)})
    return labelled_schema.append(*scores.columns, FOLD)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    learner: LearnerSchema | None = inputs.get(LEARNER)
    schema: TableSchema | None = inputs.get(DATASET)
    if learner is not None:
        check_learner(learner, NAME)
    if schema is None:
        return {SCORED: None, BY_FOLD: None}
    label = check_label(schema, params, learner.task if learner else None)
    if learner is None:
        return {SCORED: None, BY_FOLD: None}
    return {SCORED: scored_schema(schema, label, score_columns(learner.task, schema[label].type)),
            BY_FOLD: by_fold_schema(learner.task)}
