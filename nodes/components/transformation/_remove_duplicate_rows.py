"""Remove Duplicate Rows' implementation."""
from __future__ import annotations

from nodes.columns import some_columns
from nodes.components.transformation.remove_duplicate_rows import DATASET, KEYS, OUTPUT, RETAIN_FIRST
from nodes.context import DesignContext, RunContext
from nodes.params import Params


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    if schema is not None:
        some_columns(params[KEYS], schema, KEYS)
    return {OUTPUT: schema}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    keys = some_columns(params[KEYS], table.schema, KEYS)
    kept = table.frame.drop_duplicates(subset=keys, keep="first" if params[RETAIN_FIRST] else "last")
    return {OUTPUT: table.with_frame(kept.reset_index(drop=True))}
