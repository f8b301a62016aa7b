"""Apply Transformation: replays a fitted transformation (Clean Missing Data, Normalize Data, ...) on new data."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame, Transformation

TRANSFORMATION = "Transformation"
DATASET = "Dataset"
OUTPUT = "Transformed dataset"

COMPONENT = Component(
    id="apply_transformation",
    name="Apply Transformation",
    category="Model Scoring & Evaluation",
    row_wise=True,
    description="Applies a saved transformation to the columns it was fitted on; other columns pass through.",
    inputs=(Transformation(TRANSFORMATION), DataFrame(DATASET)),
    outputs=(DataFrame(OUTPUT),),
    maps_to="the saved transformation's fitted column functions, replayed on new rows",
    **implemented_in("nodes.components.scoring._apply_transformation"),
)
