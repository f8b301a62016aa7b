"""Train Model: fit an untrained learner on a labelled data set, behind the designer's feature preprocessing."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning
from sklearn.pipeline import Pipeline

from nodes import errors
from nodes.columns import single_column
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.features import check_levels, feature_columns, preprocessor
from nodes.models import Learner, LearnerSchema, ModelSchema, Task, TrainedModel
from nodes.params import Boolean, ColumnPicker, Params
from nodes.ports import DataFrame, Model, UntrainedModel
from nodes.table import Column, ColumnType, Table, TableSchema

LEARNER = "Untrained model"
DATASET = "Dataset"
OUTPUT = "Trained model"
LABEL = "Label column"
DISCRETE = (ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.INTEGER)


def check_label(schema: TableSchema, params: Params, task: Task | None) -> str:
    """The label column's name, after checking it exists and suits the task (errors 0001, 0022, 0017)."""
    label = single_column(params[LABEL], schema, LABEL)
    column = schema[label]
    if task is not None and task.classification and not (column.categorical or column.type in DISCRETE):
        raise errors.invalid_column_type(label, "Categorical, String, Boolean or Integer (a classification label)",
                                         LABEL)
    if task is Task.REGRESSION and not column.type.numeric:
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
    return {OUTPUT: ModelSchema(learner.name, learner.task, label, TableSchema(tuple(features)), schema[label].type)}


def label_values(series: pd.Series, task: Task) -> np.ndarray:
    """The label as scikit-learn's target: floats for regression, plain values (not categories) otherwise."""
    if task is Task.REGRESSION:
        return series.astype(float).to_numpy()
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(series.cat.categories.dtype)
    return series.to_numpy()


def check_classes(learner: Learner, label: str, y: np.ndarray) -> None:
    count = len(pd.unique(y))
    if learner.task is Task.BINARY and count != 2:
        raise errors.invalid_learner(LEARNER, f'{learner.name} needs a label with exactly 2 classes; '
                                              f'column "{label}" has {count}.')
    if learner.task is Task.MULTICLASS and count < 2:
        raise errors.invalid_learner(LEARNER, f'{learner.name} needs at least 2 classes; column "{label}" has {count}.')


def fit(ctx: RunContext, pipeline: Pipeline, x: pd.DataFrame, y: np.ndarray) -> None:
    """Fit, logging convergence warnings and reporting scikit-learn's refusals as error 1000."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        try:
            pipeline.fit(x, y)
        except ValueError as error:
            raise errors.library_exception(error) from error
    for warning in caught:
        ctx.logger.warning("%s", warning.message)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    learner = inputs[LEARNER]
    table: Table = inputs[DATASET]
    label = check_label(table.schema, params, learner.task)
    features: list[Column] = feature_columns(table.schema, label)
    frame = table.frame
    missing = frame[label].isna()
    labelled = frame[~missing] if missing.any() else frame  # no copy of a wide table that needs no filtering
    if dropped := len(frame) - len(labelled):
        ctx.logger.info("Dropped %d rows without a value in the label column %r.", dropped, label)
    if labelled.empty:
        raise errors.too_few_rows(DATASET, 0, 1)
    y = label_values(labelled[label], learner.task)
    check_classes(learner, label, y)
    check_levels(labelled, features)
    if params["Model explanations"]:
        ctx.logger.warning("Model explanations are not computed by this version of Train Model.")
    ctx.progress(0.1, "Fitting")
    pipeline = Pipeline([("features", preprocessor(features, scale_numeric=learner.scale_numeric,
                                                   allow_unknown_levels=learner.allow_unknown_levels)),
                         ("model", clone(learner.estimator))])
    fit(ctx, pipeline, labelled[[c.name for c in features]], y)
    ctx.progress(1.0)
    classes = pipeline.classes_.tolist() if learner.task.classification else []
    return {OUTPUT: TrainedModel(learner.name, learner.task, label, features, pipeline, classes,
                                 table.schema[label].type)}


COMPONENT = Component(
    id="train_model",
    name="Train Model",
    category="Model Training",
    description="Trains a classification or regression learner on a labelled data set.",
    inputs=(UntrainedModel(LEARNER), DataFrame(DATASET)),
    outputs=(Model(OUTPUT),),
    params=(ColumnPicker(LABEL, single=True, description="The column the model learns to predict."),
            Boolean("Model explanations", False, description="Compute feature-importance explanations.")),
    configure=configure,
    run=run,
)
