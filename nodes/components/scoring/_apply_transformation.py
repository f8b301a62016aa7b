"""Apply Transformation: check the data set has every column the transformation needs, then apply it."""
from __future__ import annotations

from nodes import errors
from nodes.components.scoring.apply_transformation import DATASET, OUTPUT, TRANSFORMATION
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.schema import TableSchema


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
