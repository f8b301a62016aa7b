"""Feature Hashing's implementation."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import HashingVectorizer

from nodes import errors
from nodes.column_names import deduplicated
from nodes.columns import some_columns
from nodes.components.text.feature_hashing import BITS, COLUMNS, DATASET, NGRAMS, OUTPUT
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.table import Column, ColumnType, Table, TableSchema

MAX_COLUMNS = 2 ** 16  # dense output columns a data set may get


def text_columns(schema: TableSchema, params: Params) -> list[str]:
    """The picked columns, all text (error 0017), with no more hashed columns than `MAX_COLUMNS` (error 0008)."""
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    for name in names:
        if schema[name].type is not ColumnType.STRING:
            raise errors.invalid_column_type(name, "String", COLUMNS)
    if len(names) * 2 ** params[BITS] > MAX_COLUMNS:
        bits = int(np.log2(MAX_COLUMNS // len(names)))
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


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[DATASET]
    vectorizer = HashingVectorizer(n_features=2 ** params[BITS], ngram_range=(1, max(1, params[NGRAMS])),
                                   alternate_sign=False, norm=None)
    parts = [table.frame]
    for source, features in feature_names(table.schema, params):
        ctx.check_cancelled()
        texts = table.frame[source].fillna("").astype(str)
        counts = (vectorizer.transform(texts).toarray() if len(texts) else np.zeros((0, len(features)))).astype(np.int64)
        parts.append(pd.DataFrame(counts, columns=features, index=table.frame.index))
    return {OUTPUT: table.with_frame(pd.concat(parts, axis=1))}
