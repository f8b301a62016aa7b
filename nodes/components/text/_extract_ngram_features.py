"""Extract N-Gram Features' design-time side: the text column and the vocabulary's schema.

Its run (`_extract_ngram_features_run`) counts the n-grams with scikit-learn."""
from __future__ import annotations

from nodes import errors
from nodes.columns import single_column
from nodes.components.text.extract_ngram_features import (
    COLUMN,
    DATASET,
    DF,
    ID,
    IDF_COLUMN,
    MAX_LENGTH,
    MIN_LENGTH,
    MODE,
    NGRAM,
    OUTPUT,
    READ_ONLY,
    VOCABULARY_IN,
    VOCABULARY_OUT,
)
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema

VOCABULARY = TableSchema((Column(ID, ColumnType.INTEGER), Column(NGRAM, ColumnType.STRING),
                          Column(DF, ColumnType.INTEGER), Column(IDF_COLUMN, ColumnType.DOUBLE)))


def text_column(schema: TableSchema, params: Params) -> str:
    name = single_column(params[COLUMN], schema, COLUMN)
    if schema[name].type is not ColumnType.STRING:
        raise errors.invalid_column_type(name, "String", COLUMN)
    if params[MIN_LENGTH] > params[MAX_LENGTH]:
        raise errors.out_of_range(MIN_LENGTH, params[MIN_LENGTH], 1, params[MAX_LENGTH])
    return name


def vocabulary_schema(vocabulary: TableSchema | None, params: Params) -> TableSchema | None:
    """The output vocabulary's schema: the input vocabulary's in ReadOnly mode (which needs one, error 0003,
    holding NGram and IDF, error 0001), else the vocabulary's columns."""
    if params[MODE] != READ_ONLY:
        return VOCABULARY
    if vocabulary is None:
        raise errors.null_or_empty(VOCABULARY_IN, port=VOCABULARY_IN)
    for name in (NGRAM, IDF_COLUMN):
        if name not in vocabulary:
            error = errors.column_not_found(name)
            error.port = VOCABULARY_IN
            raise error
    return vocabulary


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The n-gram columns depend on the vocabulary's rows: unknown until it runs."""
    schema = inputs.get(DATASET)
    if schema is not None:
        text_column(schema, params)
    if params[MODE] == READ_ONLY and VOCABULARY_IN in inputs and inputs[VOCABULARY_IN] is None:
        return {OUTPUT: None, VOCABULARY_OUT: None}  # connected, its schema not known yet
    return {OUTPUT: None, VOCABULARY_OUT: vocabulary_schema(inputs.get(VOCABULARY_IN), params)}
