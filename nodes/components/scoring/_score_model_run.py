"""Score Model, run: the model scores the data; the score columns are appended, or returned alone."""
from __future__ import annotations

import pandas as pd

from nodes.components.scoring.score_model import APPEND, DATASET, MODEL, OUTPUT
from nodes.context import RunContext
from nodes.models import TrainedModel
from nodes.params import Params
from nodes.table import Role, Table


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
