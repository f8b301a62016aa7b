"""The rows of a scoring request as a table of the Web Service Input's schema: every column of the schema present
(extra columns are left out), each value converted to its column's type; otherwise a `RequestError` naming the
column and the row (counted from 0 in the request)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from nodes.conversion import conform, convert_value
from nodes.errors import ComponentError
from nodes.schema import Column, TableSchema
from nodes.table import Table


class RequestError(ValueError):
    """Request data that does not fit: what is wrong, and where (input, column, row) when that is known."""

    def __init__(self, message: str, *, input: str | None = None, column: str | None = None,  # noqa: A002
                 row: int | None = None) -> None:
        super().__init__(message)
        self.input, self.column, self.row = input, column, row

    def to_dict(self) -> dict:
        return {"input": self.input, "column": self.column, "row": self.row, "message": str(self)}


def from_records(records: Any, schema: TableSchema | None, input_name: str) -> pd.DataFrame:
    """A list of {column: value} records; a record that is not an object, or lacks a column of the schema, is
    refused naming its row."""
    if not isinstance(records, list):
        raise RequestError(f'Input "{input_name}" must be a list of records ({{column: value}} objects).',
                           input=input_name)
    wanted = schema.names if schema is not None else []
    for row, record in enumerate(records):
        if not isinstance(record, dict):
            raise RequestError(f'Input "{input_name}", row {row}: a record must be an object of column: value.',
                               input=input_name, row=row)
        missing = next((name for name in wanted if name not in record), None)
        if missing is not None:
            raise RequestError(f'Input "{input_name}", row {row}: column "{missing}" is missing.',
                               input=input_name, column=missing, row=row)
    return pd.DataFrame.from_records(records, columns=wanted or None) if records else pd.DataFrame(columns=wanted)


def from_rows(columns: Any, rows: Any, input_name: str) -> pd.DataFrame:
    """Column names and rows of values in that order; a row of another length is refused naming it."""
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise RequestError(f'Input "{input_name}": the column names must be a list of strings.', input=input_name)
    if not isinstance(rows, list):
        raise RequestError(f'Input "{input_name}": the values must be a list of rows.', input=input_name)
    for row, values in enumerate(rows):
        if not isinstance(values, list) or len(values) != len(columns):
            raise RequestError(f'Input "{input_name}", row {row}: expected a list of {len(columns)} values, one per '
                               "column.", input=input_name, row=row)
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def from_columns(data: Mapping[str, Any], input_name: str) -> pd.DataFrame:
    """{column: [values]} with lists of one length (a single value stands for one row)."""
    lists = {name: values if isinstance(values, list) else [values] for name, values in data.items()}
    lengths = {len(values) for values in lists.values()}
    if len(lengths) > 1:
        raise RequestError(f'Input "{input_name}": every column must have as many values.', input=input_name)
    return pd.DataFrame(lists)


def from_positional(rows: Sequence[Any], schema: TableSchema | None, input_name: str) -> pd.DataFrame:
    """Rows of values without column names: in the order of the schema's columns."""
    if schema is None:
        raise RequestError(f'Input "{input_name}": rows without column names need a known input schema.',
                           input=input_name)
    return from_rows(schema.names, list(rows), input_name)


def request_table(frame: pd.DataFrame, schema: TableSchema | None, input_name: str) -> Table:
    """The frame with the schema's columns, in its order and types (the frame as it is when the schema is
    unknown); a missing column or a value that does not convert is refused naming column and row."""
    if schema is None:
        return Table(frame.reset_index(drop=True))
    missing = next((name for name in schema.names if name not in frame.columns), None)
    if missing is not None:
        raise RequestError(f'Input "{input_name}": column "{missing}" is missing (row 0).', input=input_name,
                           column=missing, row=0)
    frame = frame.reset_index(drop=True)
    return Table(pd.DataFrame({c.name: _converted(frame[c.name], c, input_name) for c in schema.columns}))


def _converted(series: pd.Series, column: Column, input_name: str) -> pd.Series:
    try:
        return conform(series, column)
    except (ComponentError, TypeError, ValueError):
        row, value = _first_unconvertible(series, column)
        raise RequestError(f'Input "{input_name}", row {row}: column "{column.name}" must be {column.type.value}; '
                           f"{value!r} does not convert.", input=input_name, column=column.name, row=row) from None


def _first_unconvertible(series: pd.Series, column: Column) -> tuple[int, Any]:
    """The row and value that do not convert (the first row when it is the column as a whole)."""
    for row, value in enumerate(series.tolist()):
        try:
            convert_value(value, column)
        except (ComponentError, TypeError, ValueError):
            return row, value
    return 0, series.iloc[0] if len(series) else None
