"""Clean Missing Data's implementation: checks the picked columns against the mode, fits and applies the cleaner."""
from __future__ import annotations

from typing import Any

import pandas as pd

from nodes import errors
from nodes.column_transform import ColumnTransform
from nodes.columns import numeric_only, some_columns
from nodes.components.transformation._missing_values import Fill, IsMissing, statistic
from nodes.components.transformation.clean_missing_data import (
    ALL_MISSING,
    CLEANED,
    CLEANING_MODE,
    COLUMNS,
    CUSTOM,
    DATASET,
    INDICATOR,
    MAX_RATIO,
    MEAN,
    MEDIAN,
    MIN_RATIO,
    NAME,
    REMOVE_COLUMN,
    REMOVE_ROW,
    REPLACE_MODES,
    REPLACEMENT,
    TRANSFORM,
)
from nodes.context import DesignContext, RunContext
from nodes.conversion import convert_value
from nodes.models import TransformSchema
from nodes.params import Params
from nodes.table import Column, ColumnType, TableSchema


def selected(schema: TableSchema, params: Params) -> list[str]:
    """The columns to clean, checked against the mode: numbers for mean and median, convertible custom values."""
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    if params[MIN_RATIO] > params[MAX_RATIO]:
        raise errors.out_of_range(MIN_RATIO, params[MIN_RATIO], 0.0, params[MAX_RATIO])
    mode = params[CLEANING_MODE]
    if mode == MEAN:
        numeric_only(names, schema, COLUMNS)
    for name in names:
        if mode == MEDIAN and not schema[name].type.numeric:
            raise errors.invalid_column_type(name, "Numeric", COLUMNS)
        if mode == CUSTOM:
            convert_value(params[REPLACEMENT], schema[name])
    return names


def build(schema: TableSchema, names: list[str], params: Params, *, values: dict[str, Any] | None = None,
          dropped: tuple[str, ...] = (), rows: tuple[str, ...] = ()) -> ColumnTransform:
    """The cleaner: `values` fill their columns, `dropped` columns go, rows missing in `rows` go."""
    kept = [n for n in names if n not in dropped]
    fills = [(n, n, Fill(schema[n], (values or {}).get(n))) for n in kept
             if params[CLEANING_MODE] in REPLACE_MODES]
    flags = [(f"{n}_isMissing", n, IsMissing()) for n in kept if params[INDICATOR]]
    produces = tuple(schema[n] for n, _, _ in fills) + tuple(Column(f, ColumnType.BOOLEAN) for f, _, _ in flags)
    return ColumnTransform(TransformSchema(NAME, tuple(names), produces, dropped), tuple(fills + flags), rows)


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


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """Which columns Remove entire column drops depends on the data, so that mode's schemas are unknown."""
    schema = inputs.get(DATASET)
    if schema is None:
        return {CLEANED: None, TRANSFORM: None}
    names = selected(schema, params)
    if params[CLEANING_MODE] == REMOVE_COLUMN:
        return {CLEANED: None, TRANSFORM: None}
    transform = build(schema, names, params).schema
    return {CLEANED: transform.apply(schema), TRANSFORM: transform}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    transform = fit(ctx, table.frame, table.schema, params)
    return {CLEANED: transform.apply(table), TRANSFORM: transform}

