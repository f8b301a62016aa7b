"""Where computed columns go (Apply Math Operation, Clip Values): appended to the data set, in place of the
columns they came from, or alone. The layout of the schema; nodes.output_columns lays out the table."""
from __future__ import annotations

from nodes.schema import Column, TableSchema

APPEND, INPLACE, RESULT_ONLY = "Append", "Inplace", "ResultOnly"


def combined_schema(schema: TableSchema, results: list[tuple[str, Column]], mode: str) -> TableSchema:
    """The output schema: `results` are (source column, computed column) pairs; in Inplace mode each computed
    column takes its source's place and name."""
    if mode == RESULT_ONLY:
        return TableSchema(tuple(column for _, column in results))
    if mode == INPLACE:
        by_source = {source: column for source, column in results}
        return TableSchema(tuple(by_source.get(c.name, c) for c in schema.columns))
    return TableSchema(schema.columns + tuple(column for _, column in results))
