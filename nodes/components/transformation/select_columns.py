"""Select Columns in Dataset: keeps the picked columns, in the data set's order, with their roles."""
from __future__ import annotations

from nodes.columns import some_columns
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.params import ColumnPicker, Params
from nodes.ports import DataFrame
from nodes.schema import TableSchema

DATASET = "Dataset"
OUTPUT = "Results dataset"
COLUMNS = "Select Columns"


def selected(schema: TableSchema, params: Params) -> list[str]:
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    return names


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    return {OUTPUT: None if schema is None else schema.select(selected(schema, params))}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    return {OUTPUT: table.with_frame(table.frame[selected(table.schema, params)])}


COMPONENT = Component(
    id="select_columns",
    name="Select Columns in Dataset",
    category="Data Transformation",
    row_wise=True,
    description="Chooses a subset of columns to pass downstream.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    params=(ColumnPicker(COLUMNS, description="Columns to keep."),),
    configure=configure,
    run=run,
    maps_to='pandas: DataFrame[columns] (a column selection, no copy of the rows)',
)
