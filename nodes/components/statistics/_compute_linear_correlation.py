"""Compute Linear Correlation's implementation: pandas' pairwise Pearson correlation of the numeric columns."""
from __future__ import annotations

import pandas as pd

from nodes import errors
from nodes.components.statistics.compute_linear_correlation import DATASET, FEATURE, OUTPUT
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.table import Column, ColumnType, Table, TableSchema


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


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    names = numeric(table.schema)
    matrix = table.frame[names].astype("float64").corr(method="pearson")
    result = pd.concat([pd.DataFrame({FEATURE: pd.Series(names, dtype="str")}),
                        matrix.reset_index(drop=True)], axis=1)
    return {OUTPUT: Table(result)}
