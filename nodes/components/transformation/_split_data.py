"""Split Data's implementation: the parsed expression or the fraction's rows decide each row's output."""
from __future__ import annotations

import numpy as np

from nodes.columns import single_column
from nodes.components.transformation._split_expression import Regular, Relational, regular, relational
from nodes.components.transformation._split_rows import split_rows
from nodes.components.transformation.split_data import (
    DATASET,
    FIRST,
    FRACTION,
    KEY,
    MODE,
    RANDOMIZED,
    REGEX,
    REGULAR,
    RELATIONAL,
    RELATIVE,
    SECOND,
    SEED,
    STRATIFIED,
)
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.table import Table, TableSchema


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


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[DATASET]
    frame = table.frame
    matcher = expression(table.schema, params)
    if matcher is None:
        key = stratification_key(table.schema, params)
        first = split_rows(len(frame), params[FRACTION], params[RANDOMIZED], params[SEED],
                           None if key is None else frame[key])
    else:
        first = matcher.matches(frame).to_numpy()
    return {FIRST: table.with_frame(frame[first].reset_index(drop=True)),
            SECOND: table.with_frame(frame[np.logical_not(first)].reset_index(drop=True))}
