"""Add Rows' implementation: the first data set's schema (types widened where the second's differ), then the rows."""
from __future__ import annotations

import pandas as pd

from nodes.components.transformation._add_rows import combined
from nodes.components.transformation.add_rows import FIRST, OUTPUT, SECOND
from nodes.context import RunContext
from nodes.conversion import conform
from nodes.params import Params
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    first, second = inputs[FIRST], inputs[SECOND]
    schema = combined(first.schema, second.schema)
    frame = pd.concat([first.frame, second.frame], ignore_index=True)
    frame = pd.DataFrame({c.name: conform(frame[c.name], c) for c in schema.columns}, index=frame.index)
    return {OUTPUT: Table(frame).with_roles(**{c.name: c.role for c in schema.columns})}
