"""Converting columns and single values to the designer's column types, keeping missing values missing."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from nodes import errors
from nodes.table import Column, ColumnType, column_type_of

_BOOLEAN_TEXT = {"true": True, "false": False, "1": True, "0": False, "1.0": True, "0.0": False,
                 "yes": True, "no": False}


def convert(series: pd.Series, to: ColumnType) -> pd.Series:
    """`series` as type `to` (categories dropped); a value that does not convert raises error 0042."""
    plain = series.astype(object) if isinstance(series.dtype, pd.CategoricalDtype) else series
    try:
        return _CONVERTERS[to](plain)
    except (TypeError, ValueError, OverflowError) as error:
        raise errors.could_not_convert(str(series.name), to.value) from error


def set_categorical(series: pd.Series, categorical: bool) -> pd.Series:
    """`series` as a pandas category column, or as a plain column of its own type."""
    if categorical == isinstance(series.dtype, pd.CategoricalDtype):
        return series
    return series.astype("category") if categorical else convert(series, column_type_of(series))


def conform(series: pd.Series, column: Column) -> pd.Series:
    """`series` with the type and categorical flag `column` describes."""
    if column_type_of(series) is not column.type:
        series = convert(series, column.type)
    return set_categorical(series, column.categorical)


def convert_value(value: Any, column: Column) -> Any:
    """One value as an element of `column` (error 0042 naming the column when it does not convert)."""
    return convert(pd.Series([value], name=column.name), column.type).iloc[0]


def _to_integer(series: pd.Series) -> pd.Series:
    exact = pd.to_numeric(series).astype("Int64")
    return exact if exact.isna().any() else exact.astype("int64")


def _to_double(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series).astype("float64")


def _to_boolean(series: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(series.dtype):
        return series
    flags = pd.Series([_boolean(v) for v in series], index=series.index, name=series.name, dtype="boolean")
    return flags if flags.isna().any() else flags.astype(bool)


def _boolean(value: Any) -> Any:
    if pd.isna(value):
        return pd.NA
    text = str(value).strip().lower()
    if text not in _BOOLEAN_TEXT:
        raise ValueError(f"{value!r} is not a boolean")
    return _BOOLEAN_TEXT[text]


_CONVERTERS: dict[ColumnType, Callable[[pd.Series], pd.Series]] = {
    ColumnType.STRING: lambda s: s.astype("str"),
    ColumnType.INTEGER: _to_integer,
    ColumnType.DOUBLE: _to_double,
    ColumnType.BOOLEAN: _to_boolean,
    ColumnType.DATETIME: pd.to_datetime,
    ColumnType.TIMESPAN: pd.to_timedelta,
}
