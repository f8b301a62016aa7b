"""Apply Transformation: replays a fitted transformation (Clean Missing Data, Normalize Data, ...) on new data."""
from __future__ import annotations

from nodes import errors
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.ports import DataFrame, Transformation
from nodes.table import TableSchema

TRANSFORMATION = "Transformation"
DATASET = "Dataset"
OUTPUT = "Transformed dataset"


def check_needs(needs: tuple[str, ...], schema: TableSchema) -> None:
    """Error 0001 for the first column the transformation needs that the data set lacks."""
    for name in needs:
        if name not in schema:
            error = errors.column_not_found(name)
            error.port = DATASET
            raise error


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    transform, schema = inputs.get(TRANSFORMATION), inputs.get(DATASET)
    if transform is None or schema is None:
        return {OUTPUT: None}
    check_needs(transform.needs, schema)
    return {OUTPUT: transform.apply(schema)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    transform, table = inputs[TRANSFORMATION], inputs[DATASET]
    check_needs(transform.schema.needs, table.schema)
    return {OUTPUT: transform.apply(table)}


COMPONENT = Component(
    id="apply_transformation",
    name="Apply Transformation",
    category="Model Scoring & Evaluation",
    description="Applies a saved transformation to the columns it was fitted on; other columns pass through.",
    inputs=(Transformation(TRANSFORMATION), DataFrame(DATASET)),
    outputs=(DataFrame(OUTPUT),),
    configure=configure,
    run=run,
)
