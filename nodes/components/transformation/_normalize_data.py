"""Normalize Data's implementation: checks the picked columns, fits one function per column and applies them."""
from __future__ import annotations

from nodes import errors
from nodes.column_transform import ColumnTransform
from nodes.columns import some_columns
from nodes.components.transformation._normalizers import fit
from nodes.components.transformation.normalize_data import (
    COLUMNS,
    DATASET,
    FUNCTION,
    METHOD,
    NAME,
    TRANSFORMED,
    ZERO_CONSTANT,
)
from nodes.context import DesignContext, RunContext
from nodes.models import TransformSchema
from nodes.params import Params
from nodes.table import Column, ColumnType, TableSchema


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


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    schema = transform_schema(table.schema, params)
    functions = []
    for name in schema.needs:
        ctx.check_cancelled()
        functions.append((name, name, fit(table.frame[name], params[METHOD], bool(params[ZERO_CONSTANT]))))
    transform = ColumnTransform(schema, tuple(functions))
    return {TRANSFORMED: transform.apply(table), FUNCTION: transform}

