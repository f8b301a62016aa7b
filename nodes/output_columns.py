"""Computed columns laid out in a table as nodes.output_mode lays out its schema."""
from __future__ import annotations

import pandas as pd

from nodes.output_mode import combined_schema
from nodes.schema import Column
from nodes.table import Table


def combined_table(table: Table, results: list[tuple[str, Column, pd.Series]], mode: str) -> Table:
    """The output table: `results` are (source column, computed column, its values) triples."""
    schema = combined_schema(table.schema, [(source, column) for source, column, _ in results], mode)
    values = {column.name: series for _, column, series in results}
    frame = pd.DataFrame({c.name: values[c.name] if c.name in values else table.frame[c.name]
                          for c in schema.columns}, index=table.frame.index)
    return table.with_frame(frame).with_roles(**{c.name: c.role for c in schema.columns})
