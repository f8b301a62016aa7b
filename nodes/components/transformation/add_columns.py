"""Add Columns: puts the columns of a second data set beside those of the first, row by row."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame

LEFT, RIGHT = "Left dataset", "Right dataset"
OUTPUT = "Combined dataset"

COMPONENT = Component(
    id="add_columns",
    name="Add Columns",
    category="Data Transformation",
    description="Concatenates two data sets with the same number of rows column-wise; a right column whose name "
                "is taken gets a numeric suffix (price, price_1).",
    inputs=(DataFrame(LEFT), DataFrame(RIGHT)),
    outputs=(DataFrame(OUTPUT),),
    maps_to="pandas.concat([left, right], axis=1) on row position, right names made unique with _1, _2, ...",
    **implemented_in("nodes.components.transformation._add_columns",
                     run_module="nodes.components.transformation._add_columns_run"),
)
