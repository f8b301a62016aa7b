"""Clip Values' design-time side: the clipped and indicator columns, in place or appended.

Its run (`_clip_values_run`) computes thresholds and substitutes per column with pandas."""
from __future__ import annotations

from nodes import errors
from nodes.column_names import deduplicated
from nodes.columns import some_columns
from nodes.components.transformation.clip_values import COLUMNS, INDICATORS, INPUT, OUTPUT, OVERWRITE
from nodes.context import DesignContext
from nodes.output_mode import APPEND, INPLACE, combined_schema
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema


def selected(schema: TableSchema, params: Params) -> list[str]:
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    for name in names:
        if not schema[name].type.numeric:
            raise errors.invalid_column_type(name, "Numeric", COLUMNS)
    return names


def layout(schema: TableSchema, params: Params) -> tuple[list[tuple[str, Column]], list[tuple[str, Column]]]:
    """(source, clipped column) pairs and (source, indicator column) pairs."""
    names = selected(schema, params)
    if params[OVERWRITE]:
        clipped = [(n, Column(n, ColumnType.DOUBLE, role=schema[n].role)) for n in names]
    else:
        new = deduplicated(schema.names, [f"{n}_clipped" for n in names])
        clipped = [(n, Column(m, ColumnType.DOUBLE)) for n, m in zip(names, new)]
    taken = [*schema.names, *(c.name for _, c in clipped)]
    flags = deduplicated(taken, [f"{n}_isClipped" for n in names]) if params[INDICATORS] else []
    return clipped, [(n, Column(f, ColumnType.BOOLEAN)) for n, f in zip(names, flags)]


def output_schema(schema: TableSchema, params: Params) -> TableSchema:
    clipped, flags = layout(schema, params)
    return combined_schema(combined_schema(schema, clipped, INPLACE if params[OVERWRITE] else APPEND), flags, APPEND)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(INPUT)
    return {OUTPUT: None if schema is None else output_schema(schema, params)}
