"""Join Data's implementation: keys normalised for matching (numbers as doubles, text lower-cased unless Match
case), rows with a missing key matching nothing, then `pandas.merge` on positional column names."""
from __future__ import annotations

import pandas as pd

from nodes.components.transformation._join_data import joined, keys
from nodes.components.transformation.join_data import (
    FULL_OUTER,
    JOIN_TYPE,
    KEEP_RIGHT_KEYS,
    LEFT,
    LEFT_OUTER,
    LEFT_SEMI,
    MATCH_CASE,
    OUTPUT,
    RIGHT,
)
from nodes.context import RunContext
from nodes.conversion import conform, set_categorical
from nodes.params import Params
from nodes.table import Table

HOW = {LEFT_OUTER: "left", FULL_OUTER: "outer"}


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
