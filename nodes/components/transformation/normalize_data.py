"""Normalize Data: rescales numeric columns (ZScore, MinMax, Logistic, LogNormal, Tanh); outputs the fitted scaler."""
from __future__ import annotations

from nodes import errors
from nodes.column_transform import ColumnTransform
from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.components.transformation.normalizers import LOGNORMAL, METHODS, MINMAX, ZSCORE, fit
from nodes.context import DesignContext, RunContext
from nodes.models import TransformSchema
from nodes.params import Boolean, ColumnPicker, Mode, Params
from nodes.ports import DataFrame, Transformation
from nodes.table import Column, ColumnType, TableSchema

NAME = "Normalize Data"
DATASET = "Dataset"
TRANSFORMED = "Transformed dataset"
FUNCTION = "Transformation function"
METHOD = "Transformation method"
COLUMNS = "Columns to transform"
ZERO_CONSTANT = "Use 0 for constant columns when checked"


def transform_schema(schema: TableSchema, params: Params) -> TransformSchema:
    """The picked columns, all numeric, each replaced by a Double column keeping its role."""
    names = params[COLUMNS].resolve(schema, COLUMNS)
    if not names:
        raise errors.no_columns_selected(COLUMNS)
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


COMPONENT = Component(
    id="normalize_data",
    name=NAME,
    category="Data Transformation",
    description="Rescales numeric columns to a common scale; the transformation function replays it on new data.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(TRANSFORMED), Transformation(FUNCTION)),
    params=(Mode(METHOD, METHODS, ZSCORE),
            ColumnPicker(COLUMNS, ColumnSelection.types("Numeric")),
            Boolean(ZERO_CONSTANT, True, parent=(METHOD, (ZSCORE, MINMAX, LOGNORMAL)),
                    description="Constant columns become 0 rather than missing values.")),
    configure=configure,
    run=run,
)
