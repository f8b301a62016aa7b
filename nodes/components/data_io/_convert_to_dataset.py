"""Convert to Dataset's design-time side: the input's schema, unless an action may turn a text column numeric.

Its run (`_convert_to_dataset_run`) matches and replaces values per column type with pandas."""
from __future__ import annotations

from nodes.components.data_io.convert_to_dataset import ACTION, DATASET, NONE, OUTPUT
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import ColumnType


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The input's schema, unless an action may turn a text column numeric (that depends on the data)."""
    schema = inputs.get(DATASET)
    if schema is None or params[ACTION] != NONE and any(
            c.type is ColumnType.STRING and not c.categorical for c in schema.columns):
        return {OUTPUT: None}
    return {OUTPUT: schema}
