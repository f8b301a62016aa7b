"""Score Model: predict with a trained model and append the designer's score columns (reference §0.5)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from nodes import errors
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.features import is_numeric
from nodes.models import ModelSchema, Task, TrainedModel
from nodes.params import Boolean, Params
from nodes.ports import DataFrame, Model
from nodes.table import Column, ColumnType, Role, Table, TableSchema

MODEL = "Trained model"
DATASET = "Dataset"
OUTPUT = "Scored dataset"
APPEND = "Append score columns to output"
LABELS = "Scored Labels"
PROBABILITIES = "Scored Probabilities"
THRESHOLD = 0.5


def check_features(model: ModelSchema, schema: TableSchema) -> None:
    """Every feature the model was trained on is present (0001) and still numeric or not (0017)."""
    for feature in model.features.columns:
        if feature.name not in schema:
            raise errors.ComponentError(1, "ColumnNotFound", f'Column with name or index "{feature.name}" not found; '
                                        f'the model "{model.name}" needs it.', port=DATASET, column=feature.name)
        if is_numeric(feature) and not is_numeric(schema[feature.name]):
            raise errors.invalid_column_type(feature.name, "Numeric")


def score_columns(task: Task, label_type: ColumnType | None) -> list[Column]:
    """The appended columns for regression and binary classification, whose classes need no data."""
    if task is Task.REGRESSION:
        return [Column(LABELS, ColumnType.DOUBLE, role=Role.SCORE)]
    return [Column(LABELS, label_type, role=Role.SCORE), Column(PROBABILITIES, ColumnType.DOUBLE, role=Role.SCORE)]


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The scored schema; None for multiclass models, whose score columns are named after the fitted classes."""
    model: ModelSchema | None = inputs.get(MODEL)
    schema: TableSchema | None = inputs.get(DATASET)
    if model is None or schema is None:
        return {OUTPUT: None}
    check_features(model, schema)
    label = schema[model.label] if model.label in schema else None
    if model.task is Task.MULTICLASS:
        return {OUTPUT: None}
    scores = score_columns(model.task, model.label_type or (label.type if label else None))
    if not params[APPEND]:
        return {OUTPUT: TableSchema(tuple(scores))}
    if label:
        schema = schema.replace_columns(**{label.name: replace(label, role=Role.LABEL)})
    return {OUTPUT: schema.append(*scores)}


def predict(model: TrainedModel, x: pd.DataFrame) -> dict[str, np.ndarray]:
    """The score columns in order, keyed by name."""
    if model.task is Task.REGRESSION:
        return {LABELS: model.pipeline.predict(x).astype(float)}
    probabilities = model.pipeline.predict_proba(x)
    classes = np.asarray(model.classes)
    if model.task is Task.BINARY:
        positive = probabilities[:, 1]
        return {LABELS: classes[(positive >= THRESHOLD).astype(int)], PROBABILITIES: positive}
    per_class = {f"{PROBABILITIES}_{c}": probabilities[:, i] for i, c in enumerate(model.classes)}
    return {**per_class, LABELS: classes[probabilities.argmax(axis=1)]}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    model: TrainedModel = inputs[MODEL]
    table: Table = inputs[DATASET]
    check_features(model.schema, table.schema)
    ctx.progress(0.1, "Scoring")
    try:
        predicted = predict(model, table.frame[[c.name for c in model.features]])
    except ValueError as error:
        raise errors.library_exception(error) from error
    scores = pd.DataFrame(predicted, index=table.frame.index)
    roles = dict.fromkeys(scores.columns, Role.SCORE)
    if not params[APPEND]:
        return {OUTPUT: Table(scores, roles)}
    if model.label in table.frame.columns:
        roles[model.label] = Role.LABEL
    frame = pd.concat([table.frame.drop(columns=scores.columns, errors="ignore"), scores], axis=1)
    return {OUTPUT: table.with_frame(frame).with_roles(**roles)}


COMPONENT = Component(
    id="score_model",
    name="Score Model",
    category="Model Scoring & Evaluation",
    description="Predicts with a trained classification or regression model.",
    inputs=(Model(MODEL), DataFrame(DATASET)),
    outputs=(DataFrame(OUTPUT),),
    params=(Boolean(APPEND, True, description="Keep the input columns; when off, return only the score columns."),),
    configure=configure,
    run=run,
)
