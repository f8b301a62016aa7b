"""Select Columns Transform: remembers a data set's columns, for Apply Transformation to keep just those."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame, Transformation

NAME = "Select Columns Transform"
DATASET = "Dataset with desired columns"
TRANSFORM = "Columns selection transformation"

COMPONENT = Component(
    id="select_columns_transform",
    name=NAME,
    category="Data Transformation",
    description="Outputs a transformation that keeps the input's columns, in its order; Apply Transformation "
                "replays it on new data (error 0001 for a column the new data lacks).",
    inputs=(DataFrame(DATASET),),
    outputs=(Transformation(TRANSFORM),),
    maps_to="pandas.DataFrame[columns] with the columns of the fitted data set",
    **implemented_in("nodes.components.transformation._select_columns_transform"),
)
