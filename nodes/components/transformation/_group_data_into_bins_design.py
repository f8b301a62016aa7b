"""Group Data into Bins' design-time side: the binned columns and where they go, and the custom edges checked.

Its run (`_group_data_into_bins`, which holds the pickled bin function) fits the edges per column."""
from __future__ import annotations

import math

from nodes import errors
from nodes.column_names import deduplicated
from nodes.columns import some_columns
from nodes.components.transformation.group_data_into_bins import (
    CATEGORICAL,
    COLUMNS,
    CUSTOM_EDGES,
    DATASET,
    EDGES,
    INDEX,
    MODE,
    NAME,
    NORMALIZATION,
    OUTPUT,
    OUTPUT_MODE,
    QUANTILES,
    RESULT_ONLY,
    TRANSFORM,
)
from nodes.context import DesignContext
from nodes.model_schemas import TransformSchema
from nodes.output_mode import INPLACE
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema


def custom_edges(params: Params) -> list[float]:
    try:
        edges = [float(e) for e in params[EDGES].split(",") if e.strip()]
    except ValueError:
        raise errors.parameter_parsing(EDGES, params[EDGES], "comma-separated numbers") from None
    if not edges or any(b <= a for a, b in zip(edges, edges[1:])) or not all(math.isfinite(e) for e in edges):
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
