"""Clean Missing Data's implementation: fits the cleaner on the data (the statistics, which columns and rows go)
and applies it."""
from __future__ import annotations

from typing import Any

import pandas as pd

from nodes.column_transform import ColumnTransform
from nodes.components.transformation._clean_missing_data import cleaned, selected, transform_schema
from nodes.components.transformation._missing_values import Fill, IsMissing, statistic
from nodes.components.transformation.clean_missing_data import (
    ALL_MISSING,
    CLEANED,
    CLEANING_MODE,
    CUSTOM,
    DATASET,
    MAX_RATIO,
    MIN_RATIO,
    REMOVE_COLUMN,
    REMOVE_ROW,
    REPLACEMENT,
    TRANSFORM,
)
from nodes.context import RunContext
from nodes.conversion import convert_value
from nodes.params import Params
from nodes.schema import TableSchema


def build(schema: TableSchema, names: list[str], params: Params, *, values: dict[str, Any] | None = None,
          dropped: tuple[str, ...] = (), rows: tuple[str, ...] = ()) -> ColumnTransform:
    """The cleaner: `values` fill their columns, `dropped` columns go, rows missing in `rows` go."""
    filled, flags = cleaned(names, params, dropped)
    functions = [(n, n, Fill(schema[n], (values or {}).get(n))) for n in filled] + [
        (f, n, IsMissing()) for f, n in flags]
    return ColumnTransform(transform_schema(schema, names, params, dropped), tuple(functions), rows)


def fit(ctx: RunContext, frame: pd.DataFrame, schema: TableSchema, params: Params) -> ColumnTransform:
    names = selected(schema, params)
    mode = params[CLEANING_MODE]
    due = []
    for name in names:
        ctx.check_cancelled()
        ratio = float(frame[name].isna().mean()) if len(frame) else 0.0
        if 0 < ratio and params[MIN_RATIO] <= ratio <= params[MAX_RATIO]:
            due.append(name)
    if mode == REMOVE_ROW:
        return build(schema, names, params, rows=tuple(due))
    if mode == REMOVE_COLUMN:
        return build(schema, names, params, dropped=tuple(due))
    values = {n: convert_value(params[REPLACEMENT], schema[n]) if mode == CUSTOM
              else statistic(frame[n], schema[n], mode) for n in due}
    dropped = tuple(n for n, v in values.items() if v is None and params[ALL_MISSING] == "Remove")
    return build(schema, names, params, values=values, dropped=dropped)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    transform = fit(ctx, table.frame, table.schema, params)
    return {CLEANED: transform.apply(table), TRANSFORM: transform}
