"""Edit Metadata's implementation: the edited schema, then the columns converted to it."""
from __future__ import annotations

import pandas as pd

from nodes.components.transformation._edit_metadata import edited
from nodes.components.transformation.edit_metadata import DATASET, OUTPUT
from nodes.context import RunContext
from nodes.conversion import convert, set_categorical
from nodes.params import Params
from nodes.schema import Role
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    target = edited(table.schema, params)
    frame = {}
    for before, after in zip(table.schema.columns, target.columns, strict=True):
        ctx.check_cancelled()
        series = table.frame[before.name]
        if after.type is not before.type:
            series = convert(series, after.type)
        frame[after.name] = set_categorical(series, after.categorical).rename(after.name)
    roles = {c.name: c.role for c in target.columns if c.role is not Role.FEATURE}
    return {OUTPUT: Table(pd.DataFrame(frame, index=table.frame.index), roles)}
