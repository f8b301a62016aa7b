"""Score Model: the model scores the data; the score columns are appended, or returned alone."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd

from nodes.components.scoring.score_model import APPEND, DATASET, MODEL, OUTPUT
from nodes.context import DesignContext, RunContext
from nodes.models import ModelSchema, TrainedModel
from nodes.params import Params
from nodes.table import Role, Table, TableSchema


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The scored schema; None while the score columns depend on the fitted classes (multiclass)."""
    model: ModelSchema | None = inputs.get(MODEL)
    schema: TableSchema | None = inputs.get(DATASET)
    if model is None or schema is None:
        return {OUTPUT: None}
    model.check_features(schema, DATASET)
    scores = model.score_schema()
    if scores is None or not params[APPEND]:
        return {OUTPUT: scores}
    if model.label in schema:
        schema = schema.replace_columns(**{model.label: replace(schema[model.label], role=Role.LABEL)})
    return {OUTPUT: schema.append(*scores.columns)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    model: TrainedModel = inputs[MODEL]
    table: Table = inputs[DATASET]
    ctx.progress(0.1, "Scoring")
    scores = model.score(table.frame)
    roles = dict.fromkeys(scores.columns, Role.SCORE)
    if not params[APPEND]:
        return {OUTPUT: Table(scores, roles)}
    if model.label in table.frame.columns:
        roles[model.label] = Role.LABEL
    frame = pd.concat([table.frame.drop(columns=scores.columns, errors="ignore"), scores], axis=1)
    return {OUTPUT: table.with_frame(frame).with_roles(**roles)}
