"""Convert to Dataset's implementation: value matching per column type, replacement, then numeric inference."""
from __future__ import annotations

import pandas as pd

from nodes.components.data_io.convert_to_dataset import (
    ACTION,
    CUSTOM,
    CUSTOM_MISSING,
    CUSTOM_VALUE,
    DATASET,
    NEW_VALUE,
    NONE,
    OUTPUT,
    REPLACE,
    SET_MISSING,
)
from nodes.context import RunContext
from nodes.conversion import convert, convert_value
from nodes.params import Params
from nodes.schema import ColumnType
from nodes.table import Table, column_type_of


def matches(series: pd.Series, text: str) -> pd.Series:
    """Where `series` holds `text`: compared as a number in a numeric column (nowhere if it is not one), as text
    otherwise."""
    if column_type_of(series).numeric:
        try:
            value = float(text)
        except ValueError:
            return pd.Series(False, index=series.index)
        return (series == value).fillna(False).astype(bool)
    return (series.astype("string") == text).fillna(False).astype(bool)


def set_missing(series: pd.Series, where: pd.Series) -> pd.Series:
    """`series` missing where `where` holds, keeping an integer or boolean column's type (as a nullable one)."""
    if not where.any():
        return series
    if pd.api.types.is_integer_dtype(series.dtype) and not isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype("Int64")
    elif pd.api.types.is_bool_dtype(series.dtype):
        series = series.astype("boolean")
    return series.mask(where)


def replaced(series: pd.Series, where: pd.Series, text: str, table: Table) -> pd.Series:
    """`series` with `text` (as an element of the column) where `where` holds; untouched where it never does."""
    if not where.any():
        return series
    value = convert_value(text, table.schema[str(series.name)])
    if isinstance(series.dtype, pd.CategoricalDtype) and value not in series.cat.categories:
        series = series.cat.add_categories([value])
    return series.mask(where, value)


def numeric_if_possible(series: pd.Series) -> pd.Series:
    """A text column whose every value reads as a number, as Integer or Double; any other column as it is."""
    if column_type_of(series) is not ColumnType.STRING or isinstance(series.dtype, pd.CategoricalDtype):
        return series
    values = series.dropna()
    if values.empty:
        return series
    try:
        numbers = pd.to_numeric(values)
    except (ValueError, TypeError):
        return series
    return convert(series, ColumnType.INTEGER if pd.api.types.is_integer_dtype(numbers) else ColumnType.DOUBLE)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    if params[ACTION] == NONE:
        return {OUTPUT: table}
    frame = table.frame.copy()
    for name in frame.columns:
        ctx.check_cancelled()
        series = frame[name]
        if params[ACTION] == SET_MISSING:
            series = set_missing(series, matches(series, params[CUSTOM_MISSING]))
        elif params[REPLACE] == CUSTOM:
            series = replaced(series, matches(series, params[CUSTOM_VALUE]), params[NEW_VALUE], table)
        else:
            series = replaced(series, series.isna(), params[NEW_VALUE], table)
        frame[name] = numeric_if_possible(series)
    return {OUTPUT: table.with_frame(frame)}
