"""Split Data's design-time side: the expression parsed and the stratification key checked against the schema.

Its run (`_split_data_run`) splits the rows with pandas."""
from __future__ import annotations

from nodes.columns import single_column
from nodes.components.transformation._split_expression import Regular, Relational, regular, relational
from nodes.components.transformation.split_data import (
    DATASET,
    FIRST,
    KEY,
    MODE,
    REGEX,
    REGULAR,
    RELATIONAL,
    RELATIVE,
    SECOND,
    STRATIFIED,
)
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import TableSchema


def expression(schema: TableSchema, params: Params) -> Relational | Regular | None:
    """The parsed expression of the expression modes (None for Split Rows), checking its column and values."""
    if params[MODE] == RELATIVE:
        return relational(params[RELATIONAL], schema, RELATIONAL)
    if params[MODE] == REGEX:
        return regular(params[REGULAR], schema, REGULAR)
    return None


def stratification_key(schema: TableSchema, params: Params) -> str | None:
    return single_column(params[KEY], schema, KEY) if params[STRATIFIED] == "True" else None


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    if schema is not None:
        expression(schema, params)
        stratification_key(schema, params)
    return {FIRST: schema, SECOND: schema}
