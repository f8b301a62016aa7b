"""Split Data: sends each row to one of two outputs, by fraction or by a relative or regular expression."""
from __future__ import annotations

import numpy as np

from nodes.columns import single_column
from nodes.component import Component
from nodes.components.transformation.split_expression import Regular, Relational, regular, relational
from nodes.components.transformation.split_rows import split_rows
from nodes.context import DesignContext, RunContext
from nodes.params import Boolean, ColumnPicker, Float, Int, Mode, Params, String
from nodes.ports import DataFrame
from nodes.table import Table, TableSchema

DATASET = "Dataset"
FIRST, SECOND = "Results dataset1", "Results dataset2"
MODE = "Splitting mode"
FRACTION = "Fraction of rows in the first output dataset"
RANDOMIZED = "Randomized split"
SEED = "Random seed"
STRATIFIED = "Stratified split"
KEY = "Stratification key column"
RELATIONAL = "Relational expression"
REGULAR = "Regular expression"

SPLIT_ROWS, RELATIVE, REGEX = "Split Rows", "Relative Expression", "Regular Expression"


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


_ROWS = (MODE, (SPLIT_ROWS,))

COMPONENT = Component(
    id="split_data",
    name="Split Data",
    category="Data Transformation",
    description="Splits the rows of a data set into two sets.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(FIRST), DataFrame(SECOND)),
    params=(Mode(MODE, [SPLIT_ROWS, RELATIVE, REGEX], SPLIT_ROWS),
            Float(FRACTION, 0.5, min=0.0, max=1.0, parent=_ROWS),
            Boolean(RANDOMIZED, True, parent=_ROWS),
            Int(SEED, 0, min=0, max=4294967295, parent=_ROWS),
            Mode(STRATIFIED, ["True", "False"], "False", parent=_ROWS),
            ColumnPicker(KEY, single=True, parent=(STRATIFIED, ("True",))),
            String(RELATIONAL, '\\"column name" > 3', parent=(MODE, (RELATIVE,))),
            String(REGULAR, '\\"column name" ^start', parent=(MODE, (REGEX,)))),
    configure=configure,
    run=run,
    pass_through_in_inference=True,
)
