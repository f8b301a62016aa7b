"""Group Data into Bins' implementation: edges fitted per column, replayed by a ColumnTransform."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from nodes import errors
from nodes.column_names import deduplicated
from nodes.column_transform import ColumnTransform
from nodes.columns import some_columns
from nodes.components.transformation.group_data_into_bins import (
    BINS,
    CATEGORICAL,
    COLUMNS,
    CUSTOM_EDGES,
    DATASET,
    EDGES,
    EQUAL_WIDTH,
    INDEX,
    MODE,
    NAME,
    NORMALIZATION,
    OUTPUT,
    OUTPUT_MODE,
    PERCENT,
    PQUANTILE,
    QUANTILES,
    RESULT_ONLY,
    TRANSFORM,
)
from nodes.context import DesignContext, RunContext
from nodes.conversion import conform
from nodes.models import TransformSchema
from nodes.output_mode import INPLACE
from nodes.params import Params
from nodes.table import Column, ColumnType, Role, TableSchema

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


def custom_edges(params: Params) -> list[float]:
    try:
        edges = [float(e) for e in params[EDGES].split(",") if e.strip()]
    except ValueError:
        raise errors.parameter_parsing(EDGES, params[EDGES], "comma-separated numbers") from None
    if not edges or any(b <= a for a, b in zip(edges, edges[1:])) or not np.isfinite(edges).all():
        raise errors.parameter_parsing(EDGES, params[EDGES], "ascending numbers")
    return edges


def transform_schema(schema: TableSchema, params: Params) -> TransformSchema:
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    for name in names:
        if not schema[name].type.numeric:
            raise errors.invalid_column_type(name, "Numeric", COLUMNS)
    if params[MODE] == CUSTOM_EDGES:
        custom_edges(params)
    scaled = params[MODE] == QUANTILES and params[NORMALIZATION] != INDEX
    type_ = ColumnType.DOUBLE if scaled else ColumnType.INTEGER
    mode = params[OUTPUT_MODE]
    outputs = names if mode in (INPLACE, RESULT_ONLY) else deduplicated(schema.names,
                                                                         [f"{n}_quantized" for n in names])
    produces = tuple(Column(o, type_, params[CATEGORICAL], schema[n].role if o == n else Role.FEATURE)
                     for n, o in zip(names, outputs))
    drops = tuple(n for n in schema.names if n not in names) if mode == RESULT_ONLY else ()
    return TransformSchema(NAME, tuple(names), produces, drops)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    if schema is None:
        return {OUTPUT: None, TRANSFORM: None}
    transform = transform_schema(schema, params)
    return {OUTPUT: transform.apply(schema), TRANSFORM: transform}


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
