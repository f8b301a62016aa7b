"""Remove Duplicate Rows: keeps one row of each group of rows with equal key columns."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker
from nodes.ports import DataFrame

DATASET = "Dataset"
OUTPUT = "Results dataset"
KEYS = "Key column selection filter expression"
RETAIN_FIRST = "Retain first duplicate row"

COMPONENT = Component(
    id="remove_duplicate_rows",
    name="Remove Duplicate Rows",
    category="Data Transformation",
    description="Removes rows whose key columns repeat an earlier (or, unchecked, a later) row; missing values "
                "count as equal.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    params=(ColumnPicker(KEYS, description="Columns whose values together identify a duplicate."),
            Boolean(RETAIN_FIRST, True, description="Keep the first row of each duplicate group, else the last.")),
    maps_to="pandas.DataFrame.drop_duplicates(subset=keys, keep='first' or 'last')",
    **implemented_in("nodes.components.transformation._remove_duplicate_rows"),
)
