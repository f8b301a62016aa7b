"""Compute Linear Correlation's implementation: pandas' pairwise Pearson correlation of the numeric columns."""
from __future__ import annotations

import pandas as pd

from nodes.components.statistics._compute_linear_correlation import numeric
from nodes.components.statistics.compute_linear_correlation import DATASET, FEATURE, OUTPUT
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    names = numeric(table.schema)
    matrix = table.frame[names].astype("float64").corr(method="pearson")
    result = pd.concat([pd.DataFrame({FEATURE: pd.Series(names, dtype="str")}),
                        matrix.reset_index(drop=True)], axis=1)
    return {OUTPUT: Table(result)}
