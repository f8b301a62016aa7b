"""Add Rows' design-time side: the first data set's schema, types widened where the second's differ.

Its run (`_add_rows_run`) appends the rows with pandas."""
from __future__ import annotations

from nodes import errors
from nodes.components.transformation.add_rows import FIRST, OUTPUT, SECOND
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema


def combined(first: TableSchema, second: TableSchema) -> TableSchema:
    """Dataset1's columns; error 0010 unless Dataset2 has the same names in the same order, 0016 for a type clash."""
    if first.names != second.names:
        raise errors.ComponentError(10, "ColumnNamesDiffer",
                                    f'Columns of "{FIRST}" ({", ".join(first.names)}) and "{SECOND}" '
                                    f'({", ".join(second.names)}) differ: both need the same names, in order.',
                                    port=SECOND)
    return TableSchema(tuple(_common(a, b) for a, b in zip(first.columns, second.columns, strict=True)))


def _common(a: Column, b: Column) -> Column:
    if a.type is b.type:
        return Column(a.name, a.type, a.categorical and b.categorical, a.role)
    if a.type.numeric and b.type.numeric:
        return Column(a.name, ColumnType.DOUBLE, a.categorical and b.categorical, a.role)
    raise errors.ComponentError(16, "NotCompatibleColumnTypes",
                                f'Column "{a.name}" is {a.type.value} in "{FIRST}" and {b.type.value} in "{SECOND}".',
                                port=SECOND, column=a.name)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    first, second = inputs.get(FIRST), inputs.get(SECOND)
    return {OUTPUT: None if first is None or second is None else combined(first, second)}
