"""Normalize Data's implementation: fits one function per picked column and applies them."""
from __future__ import annotations

from nodes.column_transform import ColumnTransform
from nodes.components.transformation._normalize_data import transform_schema
from nodes.components.transformation._normalizers import fit
from nodes.components.transformation.normalize_data import DATASET, FUNCTION, METHOD, TRANSFORMED, ZERO_CONSTANT
from nodes.context import RunContext
from nodes.params import Params


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    schema = transform_schema(table.schema, params)
    functions = []
    for name in schema.needs:
        ctx.check_cancelled()
        functions.append((name, name, fit(table.frame[name], params[METHOD], bool(params[ZERO_CONSTANT]))))
    transform = ColumnTransform(schema, tuple(functions))
    return {TRANSFORMED: transform.apply(table), FUNCTION: transform}
