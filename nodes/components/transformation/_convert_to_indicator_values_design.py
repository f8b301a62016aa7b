"""Convert to Indicator Values' design-time side: the picked columns, each categorical or text; the indicator
columns depend on the levels in the data, unknown until it runs (`_convert_to_indicator_values`)."""
from __future__ import annotations

from nodes import errors
from nodes.columns import some_columns
from nodes.components.transformation.convert_to_indicator_values import COLUMNS, DATASET, OUTPUT, TRANSFORM
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import ColumnType, TableSchema


def selected(schema: TableSchema, params: Params) -> list[str]:
    """The picked columns, each categorical or text (error 0056 otherwise)."""
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    for name in names:
        column = schema[name]
        if not (column.categorical or column.type is ColumnType.STRING):
            raise errors.ComponentError(56, "InvalidColumnCategorySelected",
                                        f'Column "{name}" is not categorical; mark it categorical with Edit Metadata.',
                                        parameter=COLUMNS, column=name)
    return names


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The indicator columns depend on the levels in the data: unknown until it runs."""
    schema = inputs.get(DATASET)
    if schema is not None:
        selected(schema, params)
    return {OUTPUT: None, TRANSFORM: None}
