"""The rows of a scoring request as columns of the Web Service Input's schema: every column of the schema present
(extra columns are left out), each converted to its column's type as a 1-D NumPy array; otherwise a `RequestError`
naming the column and the row (counted from 0 in the request).

A request body is first read into plain columns (`Columns`, name -> list of values, whatever its format), then
`checked` against the schema: numbers as float64 (int64 for an Integer column without missing values), text as
objects (None for missing), other types through pandas. The general path makes a `Table` of the checked columns;
the compiled path scores them as they are. Levels a model forbids to be unknown are checked too (`check_levels`).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from nodes.conversion import conform, convert_value
from nodes.errors import ComponentError
from nodes.features import is_numeric
from nodes.models import TrainedModel
from nodes.schema import Column, ColumnType, TableSchema
from nodes.table import Table

Columns = dict[str, list]
"""A request's table as it came: column name -> its values, one per row."""
Levels = Mapping[str, frozenset[str]]
"""Column name -> the only values (as text) a model accepts in it."""
INT64_BOUND = 2.0 ** 63


class RequestError(ValueError):
    """Request data that does not fit: what is wrong, and where (input, column, row) when that is known."""

    def __init__(self, message: str, *, input: str | None = None, column: str | None = None,  # noqa: A002
                 row: int | None = None) -> None:
        super().__init__(message)
        self.input, self.column, self.row = input, column, row

    def to_dict(self) -> dict:
        return {"input": self.input, "column": self.column, "row": self.row, "message": str(self)}


def from_records(records: Any, schema: TableSchema | None, input_name: str) -> Columns:
    """A list of {column: value} records; a record that is not an object, or lacks a column of the schema, is
    refused naming its row."""
    if not isinstance(records, list):
        raise RequestError(f'Input "{input_name}" must be a list of records ({{column: value}} objects).',
                           input=input_name)
    for row, record in enumerate(records):
        if not isinstance(record, dict):
            raise RequestError(f'Input "{input_name}", row {row}: a record must be an object of column: value.',
                               input=input_name, row=row)
    names = schema.names if schema is not None else list(dict.fromkeys(k for r in records for k in r))
    try:
        return {name: [record[name] for record in records] for name in names}
    except KeyError as error:
        missing = error.args[0]
        row = next(row for row, record in enumerate(records) if missing not in record)
        raise RequestError(f'Input "{input_name}", row {row}: column "{missing}" is missing.',
                           input=input_name, column=missing, row=row) from None


def from_rows(columns: Any, rows: Any, input_name: str) -> Columns:
    """Column names and rows of values in that order; a row of another length is refused naming it."""
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise RequestError(f'Input "{input_name}": the column names must be a list of strings.', input=input_name)
    if not isinstance(rows, list):
        raise RequestError(f'Input "{input_name}": the values must be a list of rows.', input=input_name)
    for row, values in enumerate(rows):
        if not isinstance(values, list) or len(values) != len(columns):
            raise RequestError(f'Input "{input_name}", row {row}: expected a list of {len(columns)} values, one per '
                               "column.", input=input_name, row=row)
    return {name: [values[i] for values in rows] for i, name in enumerate(columns)}


def from_columns(data: Mapping[str, Any], input_name: str) -> Columns:
    """{column: [values]} with lists of one length (a single value stands for one row)."""
    lists = {str(name): values if isinstance(values, list) else [values] for name, values in data.items()}
    if len({len(values) for values in lists.values()}) > 1:
        raise RequestError(f'Input "{input_name}": every column must have as many values.', input=input_name)
    return lists


def from_positional(rows: Sequence[Any], schema: TableSchema | None, input_name: str) -> Columns:
    """Rows of values without column names: in the order of the schema's columns."""
    if schema is None:
        raise RequestError(f'Input "{input_name}": rows without column names need a known input schema.',
                           input=input_name)
    return from_rows(schema.names, list(rows), input_name)


def from_frame(frame: pd.DataFrame) -> Columns:
    """A parsed CSV's columns (missing values as None)."""
    return {str(name): frame[name].astype(object).where(frame[name].notna(), None).tolist() for name in frame.columns}


def checked(columns: Columns, schema: TableSchema | None, input_name: str,
            levels: Levels | None = None) -> dict[str, np.ndarray]:
    """The schema's columns, in its order, each converted to its type (every given column, as objects, when the
    schema is unknown); a missing column, a value that does not convert or a level `levels` does not allow is
    refused naming column and row."""
    if schema is None:
        return {name: _objects(values) for name, values in columns.items()}
    missing = next((name for name in schema.names if name not in columns), None)
    if missing is not None:
        raise RequestError(f'Input "{input_name}": column "{missing}" is missing (row 0).', input=input_name,
                           column=missing, row=0)
    arrays = {c.name: _array(columns[c.name], c, input_name) for c in schema.columns}
    for name, allowed in (levels or {}).items():
        if name in arrays:
            _check_levels(arrays[name], allowed, name, input_name)
    return arrays


def table_of(arrays: Mapping[str, np.ndarray], schema: TableSchema | None) -> Table:
    """Checked columns as the general path's table (types and categorical flags of the schema)."""
    if schema is None:
        return Table(pd.DataFrame(dict(arrays)))
    return Table(pd.DataFrame({c.name: conform(pd.Series(arrays[c.name], name=c.name), c) for c in schema.columns}))


def closed_levels(models: Iterable[Any]) -> dict[str, frozenset[str]]:
    """The levels of each categorical feature of the fitted models among `models` whose one-hot encoding refuses
    unknown levels (a learner with "Allow unknown categorical levels" off)."""
    levels: dict[str, frozenset[str]] = {}
    for model in models:
        if not isinstance(model, TrainedModel):
            continue
        encoders = [(step, list(columns)) for _, transformer, columns in _column_transformers(model.pipeline)
                    for step in getattr(transformer, "named_steps", {"": transformer}).values()
                    if getattr(step, "handle_unknown", None) == "error" and hasattr(step, "categories_")]
        categorical = {c.name for c in model.features if not is_numeric(c)}
        for encoder, names in encoders:
            for name, categories in zip(names, encoder.categories_):
                if name in categorical:
                    known = frozenset(str(c) for c in categories if not _missing(c))
                    levels[name] = levels[name] & known if name in levels else known
    return levels


def _column_transformers(pipeline: Any) -> list[tuple[str, Any, Any]]:
    steps = getattr(pipeline, "named_steps", {}).values()
    return [t for step in steps for t in getattr(step, "transformers_", [])]


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _objects(values: list) -> np.ndarray:
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _texts(values: list) -> np.ndarray:
    return _objects([v if type(v) is str else None if _missing(v) else str(v) for v in values])


def _doubles(values: list) -> np.ndarray:
    numbers = np.array(values, dtype=np.float64)
    if numbers.ndim != 1:
        raise ValueError("a value is a list")
    return numbers


def _whole_numbers(values: list) -> np.ndarray:
    if all(type(v) is int for v in values):
        return np.array(values, dtype=np.int64)
    return _integers(_doubles(values))


CONVERTERS = {ColumnType.STRING: _texts, ColumnType.DOUBLE: _doubles, ColumnType.INTEGER: _whole_numbers}
"""The column types converted without pandas (the others go through `conform`)."""


def _array(values: list, column: Column, input_name: str) -> np.ndarray:
    try:
        convert = CONVERTERS.get(column.type)
        if convert is not None:
            return convert(values)
        return _none_for_missing(conform(pd.Series(_objects(values), name=column.name), column).to_numpy())
    except (ComponentError, TypeError, ValueError, OverflowError):
        row, value = _first_unconvertible(values, column)
        raise RequestError(f'Input "{input_name}", row {row}: column "{column.name}" must be {column.type.value}; '
                           f"{value!r} does not convert.", input=input_name, column=column.name, row=row) from None


def _none_for_missing(values: np.ndarray) -> np.ndarray:
    """Object values with None for pandas' missing markers (NA, NaT); other arrays as they are."""
    if values.dtype.kind == "O":
        values[pd.isna(values)] = None
    return values


def _integers(numbers: np.ndarray) -> np.ndarray:
    """int64 when no value is missing, float64 (NaN for missing) otherwise; a fraction does not convert."""
    present = ~np.isnan(numbers)
    given = numbers[present]
    if not np.all((given == np.trunc(given)) & (np.abs(given) < INT64_BOUND)):
        raise ValueError("not an integer")
    return numbers.astype(np.int64) if present.all() else numbers


def _whole(number: float) -> bool:
    """A whole number an int64 holds."""
    return number.is_integer() and abs(number) < INT64_BOUND


def _first_unconvertible(values: list, column: Column) -> tuple[int, Any]:
    """The row and value that do not convert (the first row when it is the column as a whole)."""
    for row, value in enumerate(values):
        try:
            if column.type.numeric:
                number = math.nan if _missing(value) else float(value)
                if column.type is ColumnType.INTEGER and not (math.isnan(number) or _whole(number)):
                    raise ValueError(value)
            else:
                convert_value(value, column)
        except (ComponentError, TypeError, ValueError, OverflowError):
            return row, value
    return 0, values[0] if values else None


def _check_levels(values: np.ndarray, allowed: frozenset[str], name: str, input_name: str) -> None:
    for row, value in enumerate(values.tolist()):
        if not _missing(value) and str(value) not in allowed:
            shown = ", ".join(sorted(allowed)[:10])
            raise RequestError(f'Input "{input_name}", row {row}: column "{name}" has the unknown level {value!r}, '
                               f"and the model does not allow unknown levels (it knows: {shown}).",
                               input=input_name, column=name, row=row)
