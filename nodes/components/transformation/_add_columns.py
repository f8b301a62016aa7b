"""Add Columns' design-time side: the right columns renamed where their names are taken, then side by side.

Its run (`_add_columns_run`) puts the frames side by side with pandas."""
from __future__ import annotations

from nodes.column_names import side_by_side
from nodes.components.transformation.add_columns import LEFT, OUTPUT, RIGHT
from nodes.context import DesignContext
from nodes.params import Params


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    left, right = inputs.get(LEFT), inputs.get(RIGHT)
    return {OUTPUT: None if left is None or right is None else side_by_side(left, right)}
