"""Join Data's design-time side: the key pairs checked (as many right as left keys, of compatible types) and
the joined schema.

Its run (`_join_data_run`) joins with `pandas.merge`."""
from __future__ import annotations

from nodes import errors
from nodes.column_names import side_by_side
from nodes.columns import some_columns
from nodes.components.transformation.join_data import (
    JOIN_TYPE,
    KEEP_RIGHT_KEYS,
    LEFT,
    LEFT_KEYS,
    LEFT_SEMI,
    OUTPUT,
    RIGHT,
    RIGHT_KEYS,
)
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, TableSchema


def keys(left: TableSchema, right: TableSchema, params: Params) -> tuple[list[str], list[str]]:
    """The key pairs: as many right keys as left keys (error 0022), of compatible types (error 0154)."""
    on_left = some_columns(params[LEFT_KEYS], left, LEFT_KEYS)
    on_right = some_columns(params[RIGHT_KEYS], right, RIGHT_KEYS)
    if len(on_left) != len(on_right):
        raise errors.bad_number_of_columns(RIGHT_KEYS, len(on_right), len(on_left))
    for a, b in zip(on_left, on_right):
        if _kind(left[a]) != _kind(right[b]):
            raise errors.ComponentError(
                154, "JoinOnIncompatibleColumnTypes",
                f'Key "{a}" ({left[a].type.value}) cannot be joined with "{b}" ({right[b].type.value}).',
                parameter=RIGHT_KEYS, column=b)
    return on_left, on_right


def _kind(column: Column) -> str:
    return "Numeric" if column.type.numeric else column.type.value


def joined(left: TableSchema, right: TableSchema, params: Params) -> TableSchema:
    _, on_right = keys(left, right, params)
    if params[JOIN_TYPE] == LEFT_SEMI:
        return left
    if not params[KEEP_RIGHT_KEYS]:
        right = TableSchema(tuple(c for c in right.columns if c.name not in on_right))
    return side_by_side(left, right)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    left, right = inputs.get(LEFT), inputs.get(RIGHT)
    return {OUTPUT: None if left is None or right is None else joined(left, right, params)}
