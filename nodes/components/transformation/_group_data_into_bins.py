"""Group Data into Bins' implementation: edges fitted per column, replayed by a ColumnTransform. Its configure
is in `_group_data_into_bins_design`, free of pandas."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from nodes.column_transform import ColumnTransform
from nodes.components.transformation._group_data_into_bins_design import custom_edges, transform_schema
from nodes.components.transformation.group_data_into_bins import (
    BINS,
    CUSTOM_EDGES,
    DATASET,
    EQUAL_WIDTH,
    MODE,
    NORMALIZATION,
    OUTPUT,
    PERCENT,
    PQUANTILE,
    QUANTILES,
    TRANSFORM,
)
from nodes.context import RunContext
from nodes.conversion import conform
from nodes.params import Params
from nodes.schema import Column

SCALE = {PERCENT: 100.0, PQUANTILE: 1.0}


@dataclass(frozen=True)
class Bin:
    """The bin (1 to len(inner) + 1) of each value, each bin closed on the right, times `scale / bins` unless
    `scale` is None; then cast to `column`'s type and categorical flag."""

    inner: tuple[float, ...]
    column: Column
    scale: float | None = None

    def __call__(self, series: pd.Series) -> pd.Series:
        values = series.astype("float64")
        bins = np.searchsorted(np.asarray(self.inner, dtype="float64"), values.to_numpy(na_value=np.nan), "left") + 1
        binned = pd.Series(bins, index=series.index, dtype="float64").where(values.notna())
        if self.scale is not None:
            binned = binned * self.scale / (len(self.inner) + 1)
        return conform(binned, self.column)


def inner_edges(series: pd.Series, params: Params) -> tuple[float, ...]:
    """The edges between bins: the fitted quantiles or equal steps over the column's range, or the custom edges."""
    if params[MODE] == CUSTOM_EDGES:
        return tuple(custom_edges(params))
    values = series.astype("float64").dropna()
    if values.empty:
        return ()
    if params[MODE] == EQUAL_WIDTH:
        return tuple(np.linspace(values.min(), values.max(), params[BINS] + 1)[1:-1])
    quantiles = np.unique(values.quantile(np.linspace(0, 1, params[BINS] + 1)).to_numpy())
    return tuple(quantiles[1:-1])


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    schema = transform_schema(table.schema, params)
    scale = SCALE.get(params[NORMALIZATION]) if params[MODE] == QUANTILES else None
    functions = []
    for source, column in zip(schema.needs, schema.produces):
        ctx.check_cancelled()
        functions.append((column.name, source, Bin(inner_edges(table.frame[source], params), column, scale)))
    transform = ColumnTransform(schema, tuple(functions))
    return {OUTPUT: transform.apply(table), TRANSFORM: transform}
