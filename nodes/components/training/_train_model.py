"""Train Model: check the label, drop the rows without one, check the classes, and let the learner fit."""
from __future__ import annotations

from typing import TYPE_CHECKING

from nodes import errors
from nodes.columns import single_column
from nodes.components.training.train_model import DATASET, EXPLANATIONS, LABEL, LEARNER, OUTPUT
from nodes.context import DesignContext, RunContext
from nodes.features import feature_columns
from nodes.model_schemas import ModelSchema
from nodes.params import Params
from nodes.schema import ColumnType, TableSchema
from nodes.tasks import LearnerSchema, Task

if TYPE_CHECKING:  # the learner's module loads scikit-learn, a table pandas; configure needs neither
    import pandas as pd

    from nodes.learner import Learner
    from nodes.table import Table

DISCRETE = (ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.INTEGER)


def check_label(schema: TableSchema, params: Params, task: Task | None) -> str:
    """The label column's name, after checking it exists and suits the task (errors 0001, 0022, 0017)."""
    if task is not None and not task.supervised:
        trainer = "Train Clustering Model" if task is Task.CLUSTERING else "Train Anomaly Detection Model"
        raise errors.invalid_learner(LEARNER, f"A {task.value} learner is trained by {trainer}, not Train Model.")
    label = single_column(params[LABEL], schema, LABEL)
    column = schema[label]
    if task is not None and task.classification and not (column.categorical or column.type in DISCRETE):
        raise errors.invalid_column_type(label, "Categorical, String, Boolean or Integer (a classification label)",
                                         LABEL)
    if task is not None and task.regression and not column.type.numeric:
        raise errors.invalid_column_type(label, "Numeric (a regression label)", LABEL)
    return label


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    learner: LearnerSchema | None = inputs.get(LEARNER)
    schema: TableSchema | None = inputs.get(DATASET)
    if schema is None:
        return {OUTPUT: None}
    label = check_label(schema, params, learner.task if learner else None)
    features = feature_columns(schema, label)
    if learner is None:
        return {OUTPUT: None}
    return {OUTPUT: ModelSchema(learner.name, learner.task, label, TableSchema(tuple(features)), schema[label].type,
                                learner.classes)}


def check_classes(learner: Learner, label: str, values: pd.Series) -> None:
    if not learner.task.classification:
        return
    count = values.nunique()
    if learner.task is Task.BINARY and count != 2:
        raise errors.invalid_learner(LEARNER, f'{learner.name} needs a label with exactly 2 classes; '
                                              f'column "{label}" has {count}.')
    if learner.task is Task.MULTICLASS and count < 2:
        raise errors.invalid_learner(LEARNER, f'{learner.name} needs at least 2 classes; column "{label}" has {count}.')


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    learner: Learner = inputs[LEARNER]
    table: Table = inputs[DATASET]
    label = check_label(table.schema, params, learner.task)
    missing = table.frame[label].isna()
    labelled = table.with_frame(table.frame[~missing]) if missing.any() else table  # no copy when nothing is dropped
    if dropped := len(table.frame) - len(labelled.frame):
        ctx.logger.info("Dropped %d rows without a value in the label column %r.", dropped, label)
    if labelled.frame.empty:
        raise errors.too_few_rows(DATASET, 0, 1)
    check_classes(learner, label, labelled.frame[label])
    if params[EXPLANATIONS]:
        ctx.logger.warning("Model explanations are not computed by this version of Train Model.")
    ctx.progress(0.1, "Fitting")
    model = learner.fit(labelled, label)
    ctx.progress(1.0)
    return {OUTPUT: model}
