"""Summarize Data's design-time side: the schema of its statistics, one row per column.

Its run (`_summarize_data_run`) computes them with pandas."""
from __future__ import annotations

from nodes.components.statistics.summarize_data import COUNTS, OUTPUT, STATISTICS
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema

TEXT = ("Feature", "Mode")
SCHEMA = TableSchema(tuple(
    Column(name, ColumnType.STRING if name in TEXT else ColumnType.INTEGER if name in COUNTS else ColumnType.DOUBLE)
    for name in STATISTICS))


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: SCHEMA}
