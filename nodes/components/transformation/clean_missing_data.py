"""Clean Missing Data: fills, or removes the rows or columns of, missing values; outputs a replayable cleaner."""
from __future__ import annotations

from typing import Any

import pandas as pd

from nodes import errors
from nodes.column_transform import ColumnTransform
from nodes.columns import ColumnSelection, numeric_only
from nodes.component import Component
from nodes.components.transformation.missing_values import MEAN, MEDIAN, MODE, Fill, IsMissing, statistic
from nodes.context import DesignContext, RunContext
from nodes.conversion import convert_value
from nodes.models import TransformSchema
from nodes.params import Boolean, ColumnPicker, Float, Mode, Params, String
from nodes.ports import DataFrame, Transformation
from nodes.table import Column, ColumnType, TableSchema

NAME = "Clean Missing Data"
DATASET = "Dataset"
CLEANED = "Cleaned dataset"
TRANSFORM = "Cleaning transformation"
COLUMNS = "Columns to be cleaned"
MIN_RATIO = "Minimum missing value ratio"
MAX_RATIO = "Maximum missing value ratio"
CLEANING_MODE = "Cleaning mode"
REPLACEMENT = "Replacement value"
ALL_MISSING = "Cols with all missing values"
INDICATOR = "Generate missing value indicator column"

CUSTOM = "Custom substitution value"
REMOVE_ROW, REMOVE_COLUMN = "Remove entire row", "Remove entire column"
REPLACE_MODES = (CUSTOM, MEAN, MEDIAN, MODE)


def selected(schema: TableSchema, params: Params) -> list[str]:
    """The columns to clean, checked against the mode: numbers for mean and median, convertible custom values."""
    names = params[COLUMNS].resolve(schema, COLUMNS)
    if not names:
        raise errors.no_columns_selected(COLUMNS)
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


COMPONENT = Component(
    id="clean_missing_data",
    name=NAME,
    category="Data Transformation",
    description="Replaces or removes missing values; the cleaning transformation replays it on new data.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(CLEANED), Transformation(TRANSFORM)),
    params=(ColumnPicker(COLUMNS, ColumnSelection.all()),
            Float(MIN_RATIO, 0.0, min=0.0, max=1.0),
            Float(MAX_RATIO, 1.0, min=0.0, max=1.0),
            Mode(CLEANING_MODE, [*REPLACE_MODES, REMOVE_ROW, REMOVE_COLUMN], CUSTOM),
            String(REPLACEMENT, "0", parent=(CLEANING_MODE, (CUSTOM,))),
            Mode(ALL_MISSING, ["Propagate", "Remove"], "Remove", parent=(CLEANING_MODE, (MEAN, MEDIAN, MODE))),
            Boolean(INDICATOR, False, parent=(CLEANING_MODE, REPLACE_MODES),
                    description="Adds a <column>_isMissing column per cleaned column.")),
    configure=configure,
    run=run,
)
