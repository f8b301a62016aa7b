"""How the compiled path holds a column's values, by the designer's column type (pandas' dtypes, without pandas).

- Double: float64, NaN for missing.
- Integer: int64; float64 with NaN while a value is missing (pandas' Int64).
- Boolean: bool; object True/False/None while a value is missing (pandas' boolean).
- String: object, str or None.
The categorical flag does not change the values. `canonical` brings request arrays to this form; `respond` gives
the response form (an Integer column with a missing value as object ints and None).
"""
from __future__ import annotations

import numpy as np

from engine.compiled.kernel import Arrays, NotCompilable
from nodes.schema import Column, ColumnType, TableSchema

COMPILED_TYPES = (ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.BOOLEAN, ColumnType.STRING)


def check_types(schema: TableSchema) -> None:
    """`NotCompilable` for a column of a type the compiled path does not hold (dates and times)."""
    for column in schema.columns:
        if column.type not in COMPILED_TYPES:
            raise NotCompilable(f'column "{column.name}" is a {column.type.value} column')


def missing(values: np.ndarray) -> np.ndarray:
    """True where a value is missing (NaN or None)."""
    if values.dtype.kind == "f":
        return np.isnan(values)
    if values.dtype.kind == "O":
        return np.fromiter((_gap(v) for v in values), bool, len(values))
    return np.zeros(len(values), bool)


def _gap(value: object) -> bool:
    try:
        return bool(value is None or value != value)
    except TypeError:  # pandas' NA, whose truth is ambiguous
        return True


def as_float(values: np.ndarray) -> np.ndarray:
    """The values as float64, missing values as NaN."""
    if values.dtype.kind in "fiub":
        return values.astype(np.float64, copy=False)
    return np.array([np.nan if _gap(v) else v for v in values], dtype=np.float64)


def canonical(values: np.ndarray, type_: ColumnType) -> np.ndarray:
    """Values of a column of type `type_` (numbers, booleans or strings, None or NaN for missing) in the compiled
    form."""
    values = np.asarray(values)
    if type_ is ColumnType.DOUBLE:
        return as_float(values)
    if type_ is ColumnType.INTEGER:
        if values.dtype.kind in "iub":
            return values.astype(np.int64, copy=False)
        numbers = as_float(values)
        return numbers if np.isnan(numbers).any() else numbers.astype(np.int64)
    if type_ is ColumnType.BOOLEAN and values.dtype.kind == "b":
        return values
    objects = values.astype(object, copy=False)
    gaps = missing(objects)
    if gaps.any():
        objects = objects.copy()
        objects[gaps] = None
        return objects
    return objects.astype(bool) if type_ is ColumnType.BOOLEAN else objects


def respond(columns: Arrays, schema: TableSchema) -> Arrays:
    """A table's compiled columns in the response form."""
    return {c.name: _plain(columns[c.name], c) for c in schema.columns}


def _plain(values: np.ndarray, column: Column) -> np.ndarray:
    """A compiled column in the response form: an Integer column with missing values as object ints and None."""
    if column.type is ColumnType.INTEGER and values.dtype.kind == "f":
        gaps = np.isnan(values)
        if not gaps.any():
            return values.astype(np.int64)
        objects = np.empty(len(values), dtype=object)
        objects[~gaps] = [int(v) for v in values[~gaps]]
        return objects
    return values
