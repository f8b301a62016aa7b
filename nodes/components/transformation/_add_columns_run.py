"""Add Columns' implementation: the right columns renamed where their names are taken, then side by side."""
from __future__ import annotations

import pandas as pd

from nodes import errors
from nodes.column_names import side_by_side
from nodes.components.transformation.add_columns import LEFT, OUTPUT, RIGHT
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    left, right = inputs[LEFT], inputs[RIGHT]
    if len(left.frame) != len(right.frame):
        raise errors.ComponentError(27, "InconsistentSize",
                                    f'"{LEFT}" has {len(left.frame)} rows and "{RIGHT}" {len(right.frame)}; '
                                    "Add Columns needs the same number of rows.", port=RIGHT)
    schema = side_by_side(left.schema, right.schema)
    frame = pd.concat([left.frame.reset_index(drop=True), right.frame.reset_index(drop=True)], axis=1)
    frame.columns = schema.names
    return {OUTPUT: Table(frame).with_roles(**{c.name: c.role for c in schema.columns})}
