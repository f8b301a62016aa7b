"""Join Data's implementation: keys normalised for matching (numbers as doubles, text lower-cased unless Match
case), rows with a missing key matching nothing, then `pandas.merge` on positional column names."""
from __future__ import annotations

import pandas as pd

from nodes import errors
from nodes.column_names import side_by_side
from nodes.columns import some_columns
from nodes.components.transformation.join_data import (
    FULL_OUTER,
    JOIN_TYPE,
    KEEP_RIGHT_KEYS,
    LEFT,
    LEFT_KEYS,
    LEFT_OUTER,
    LEFT_SEMI,
    MATCH_CASE,
    OUTPUT,
    RIGHT,
    RIGHT_KEYS,
)
from nodes.context import DesignContext, RunContext
from nodes.conversion import conform, set_categorical
from nodes.params import Params
from nodes.table import Column, Table, TableSchema

HOW = {LEFT_OUTER: "left", FULL_OUTER: "outer"}


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


def _matchable(frame: pd.DataFrame, names: list[str], match_case: bool) -> pd.DataFrame:
    """The key columns as values that compare equal when the keys match, named k0, k1, ..."""
    out = {}
    for i, name in enumerate(names):
        series = set_categorical(frame[name], False)
        if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
            series = series.astype("float64")
        elif not match_case and pd.api.types.is_string_dtype(series.dtype):
            series = series.str.lower()
        out[f"k{i}"] = series.reset_index(drop=True)
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    left, right = inputs[LEFT], inputs[RIGHT]
    schema = joined(left.schema, right.schema, params)
    on_left, on_right = keys(left.schema, right.schema, params)
    lk, rk = _matchable(left.frame, on_left, params[MATCH_CASE]), _matchable(right.frame, on_right, params[MATCH_CASE])
    ln = [f"l{i}" for i in range(left.frame.shape[1])]
    rn = [f"r{i}" for i in range(right.frame.shape[1])]
    lf = pd.concat([left.frame.reset_index(drop=True).set_axis(ln, axis=1), lk], axis=1)
    rf = pd.concat([right.frame.reset_index(drop=True).set_axis(rn, axis=1), rk], axis=1)
    matchable = rf[list(rk.columns)].notna().all(axis=1)
    on = list(lk.columns)
    if params[JOIN_TYPE] == LEFT_SEMI:
        found = lf[on].merge(rf.loc[matchable, on].drop_duplicates(), how="left", indicator=True)["_merge"]
        return {OUTPUT: left.with_frame(left.frame[(found == "both").to_numpy()].reset_index(drop=True))}
    merged = lf.merge(rf[matchable], on=on, how=HOW.get(params[JOIN_TYPE], "inner"), sort=False)
    if params[JOIN_TYPE] == FULL_OUTER:
        merged = pd.concat([merged, rf[~matchable]], ignore_index=True)
    kept = ln + [r for r, name in zip(rn, right.schema.names) if params[KEEP_RIGHT_KEYS] or name not in on_right]
    frame = merged[kept].set_axis(schema.names, axis=1)
    frame = pd.DataFrame({c.name: conform(frame[c.name], c) for c in schema.columns}, index=frame.index)
    return {OUTPUT: Table(frame).with_roles(**{c.name: c.role for c in schema.columns})}

