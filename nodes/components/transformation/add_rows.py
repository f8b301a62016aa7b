"""Add Rows: appends the rows of a second data set to those of the first; both need the same columns."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame

FIRST, SECOND = "Dataset1", "Dataset2"
OUTPUT = "Results dataset"

COMPONENT = Component(
    id="add_rows",
    name="Add Rows",
    category="Data Transformation",
    description="Concatenates two data sets with the same column names and compatible types, Dataset2's rows last.",
    inputs=(DataFrame(FIRST), DataFrame(SECOND)),
    outputs=(DataFrame(OUTPUT),),
    maps_to="pandas.concat([dataset1, dataset2], ignore_index=True); integer and double columns meet as double",
    **implemented_in("nodes.components.transformation._add_rows",
                     run_module="nodes.components.transformation._add_rows_run"),
)
