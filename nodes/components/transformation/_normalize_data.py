"""Normalize Data's design-time side: the picked columns, all numeric, and the transformation's schema.

Its run (`_normalize_data_run`) fits one function per column (`_normalizers`, with SciPy) and applies them."""
from __future__ import annotations

from nodes import errors
from nodes.columns import some_columns
from nodes.components.transformation.normalize_data import COLUMNS, DATASET, FUNCTION, NAME, TRANSFORMED
from nodes.context import DesignContext
from nodes.model_schemas import TransformSchema
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema


def transform_schema(schema: TableSchema, params: Params) -> TransformSchema:
    """The picked columns, all numeric, each replaced by a Double column keeping its role."""
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    for name in names:
        if not schema[name].type.numeric:
            raise errors.invalid_column_type(name, "Numeric", COLUMNS)
    produces = tuple(Column(n, ColumnType.DOUBLE, role=schema[n].role) for n in names)
    return TransformSchema(NAME, tuple(names), produces)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    if schema is None:
        return {TRANSFORMED: None, FUNCTION: None}
    transform = transform_schema(schema, params)
    return {TRANSFORMED: transform.apply(schema), FUNCTION: transform}
