"""Convert to Indicator Values: one 0/1 column per level of each categorical column (one-hot encoding)."""
from __future__ import annotations

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker
from nodes.ports import DataFrame, Transformation

NAME = "Convert to Indicator Values"
DATASET = "Dataset"
OUTPUT = "Results dataset"
TRANSFORM = "Indicator values transformation"
COLUMNS = "Categorical columns to convert"
OVERWRITE = "Overwrite categorical columns"

COMPONENT = Component(
    id="convert_to_indicator_values",
    name=NAME,
    category="Data Transformation",
    description="Appends a 0/1 column named <column>-<value> per level of each categorical or text column; the "
                "transformation replays it on new data (a level it never saw gives 0 everywhere).",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT), Transformation(TRANSFORM)),
    params=(ColumnPicker(COLUMNS, ColumnSelection.types("String", "Categorical"),
                         description="Categorical (or text) columns; mark numbers categorical with Edit Metadata."),
            Boolean(OVERWRITE, False, description="Remove the converted columns, keeping only their indicators.")),
    maps_to="pandas.get_dummies(column, prefix=column, prefix_sep='-', dtype=int) over the fitted levels",
    **implemented_in("nodes.components.transformation._convert_to_indicator_values_design",
                     run_module="nodes.components.transformation._convert_to_indicator_values"),
)
