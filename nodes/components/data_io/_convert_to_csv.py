"""Convert to CSV's design-time side: every column becomes a String column.

Its run (`_convert_to_csv_run`) makes the round trip through CSV text with pandas."""
from __future__ import annotations

from nodes.components.data_io.convert_to_csv import DATASET, OUTPUT
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    return {OUTPUT: None if schema is None else TableSchema(tuple(Column(n, ColumnType.STRING) for n in schema.names))}
