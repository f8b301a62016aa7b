"""Compute Linear Correlation's design-time side: the numeric columns to correlate, and the matrix's schema.

Its run (`_compute_linear_correlation_run`) correlates them with pandas."""
from __future__ import annotations

from nodes import errors
from nodes.components.statistics.compute_linear_correlation import DATASET, FEATURE, OUTPUT
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema


def numeric(schema: TableSchema) -> list[str]:
    """The numeric and boolean columns (at least one: error 0020 otherwise)."""
    names = [c.name for c in schema.columns if c.type.numeric or c.type is ColumnType.BOOLEAN]
    if not names:
        raise errors.ComponentError(20, "TooFewColumns", f'"{DATASET}" has no numeric column to correlate.',
                                    port=DATASET)
    if FEATURE in names:
        raise errors.ComponentError(28, "DuplicatedColumnName", f'A numeric column is named "{FEATURE}", the name of '
                                    "the output's first column; rename it with Edit Metadata.", column=FEATURE)
    return names


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    if schema is None:
        return {OUTPUT: None}
    names = numeric(schema)
    return {OUTPUT: TableSchema((Column(FEATURE, ColumnType.STRING), *(Column(n, ColumnType.DOUBLE) for n in names)))}
