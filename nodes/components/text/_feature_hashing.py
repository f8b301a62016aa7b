"""Feature Hashing's design-time side: the text columns and the hashed columns' names.

Its run (`_feature_hashing_run`) hashes with scikit-learn."""
from __future__ import annotations

import math

from nodes import errors
from nodes.column_names import deduplicated
from nodes.columns import some_columns
from nodes.components.text.feature_hashing import BITS, COLUMNS, DATASET, OUTPUT
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema

MAX_COLUMNS = 2 ** 16  # dense output columns a data set may get


def text_columns(schema: TableSchema, params: Params) -> list[str]:
    """The picked columns, all text (error 0017), with no more hashed columns than `MAX_COLUMNS` (error 0008)."""
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    for name in names:
        if schema[name].type is not ColumnType.STRING:
            raise errors.invalid_column_type(name, "String", COLUMNS)
    if len(names) * 2 ** params[BITS] > MAX_COLUMNS:
        bits = int(math.log2(MAX_COLUMNS // len(names)))
        raise errors.out_of_range(BITS, params[BITS], 1, bits)
    return names


def feature_names(schema: TableSchema, params: Params) -> list[tuple[str, list[str]]]:
    names = text_columns(schema, params)
    wanted = [f"{n}_HashingFeature.{i}" for n in names for i in range(2 ** params[BITS])]
    unique = iter(deduplicated(schema.names, wanted))
    return [(n, [next(unique) for _ in range(2 ** params[BITS])]) for n in names]


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    if schema is None:
        return {OUTPUT: None}
    added = [Column(f, ColumnType.INTEGER) for _, features in feature_names(schema, params) for f in features]
    return {OUTPUT: schema.append(*added)}
