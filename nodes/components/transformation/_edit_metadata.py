"""Edit Metadata's design-time side: the edited schema (names, types, categorical flags and roles).

Its run (`_edit_metadata_run`) converts the columns to it with pandas."""
from __future__ import annotations

from nodes import errors
from nodes.columns import some_columns
from nodes.components.transformation.edit_metadata import (
    CATEGORICAL,
    CLEAR_ROLE,
    COLUMN,
    DATA_TYPE,
    DATASET,
    FIELDS,
    NEW_NAMES,
    OUTPUT,
    SET_ROLE,
    UNCHANGED,
)
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema


def edited(schema: TableSchema, params: Params) -> TableSchema:
    """The output schema; raises for an unknown column, a bad name list or more than one label."""
    names = some_columns(params[COLUMN], schema, COLUMN)
    renamed = dict(zip(names, _new_names(names, params[NEW_NAMES]), strict=True))
    fields = params[FIELDS]
    if fields == "Labels" and len(names) != 1:
        raise errors.bad_number_of_columns(COLUMN, len(names))
    columns = [_edit(c, params, renamed.get(c.name)) if c.name in renamed
               else _unlabel(c) if fields == "Labels" else c for c in schema.columns]
    out = [c.name for c in columns]
    duplicates = sorted({n for n in out if out.count(n) > 1})
    if duplicates:
        raise errors.ComponentError(28, "DuplicatedColumnName", f'Column name "{duplicates[0]}" is duplicated.',
                                    parameter=NEW_NAMES, column=duplicates[0])
    return TableSchema(tuple(columns))


def _new_names(names: list[str], text: str | None) -> list[str]:
    if not text:
        return names
    new = [n.strip() for n in text.split(",")]
    if len(new) != len(names) or not all(new):
        raise errors.ComponentError(27, "InconsistentSize",
                                    f'"{NEW_NAMES}" lists {len(new)} names for {len(names)} selected columns.',
                                    parameter=NEW_NAMES)
    return new


def _edit(column: Column, params: Params, name: str) -> Column:
    type_ = column.type if params[DATA_TYPE] == UNCHANGED else ColumnType(params[DATA_TYPE])
    categorical = column.categorical if params[CATEGORICAL] == UNCHANGED else params[CATEGORICAL] == "Categorical"
    fields = params[FIELDS]
    role = SET_ROLE.get(fields, column.role)
    if column.role is CLEAR_ROLE.get(fields):
        role = Role.NONE if fields == "ClearFeatures" else Role.FEATURE
    return Column(name, type_, categorical, role)


def _unlabel(column: Column) -> Column:
    return Column(column.name, column.type, column.categorical, Role.FEATURE) if column.role is Role.LABEL else column


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    return {OUTPUT: None if schema is None else edited(schema, params)}
