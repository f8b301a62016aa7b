"""Preprocess Text's design-time side: the text column and the cleaned column's name.

Its run (`_preprocess_text_run`) cleans the text, with scikit-learn's English stop words."""
from __future__ import annotations

import re

from nodes import errors
from nodes.column_names import deduplicated
from nodes.columns import single_column
from nodes.components.text.preprocess_text import COLUMN, CUSTOM_REGEX, DATASET, OUTPUT
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema


def target(schema: TableSchema, params: Params) -> tuple[str, str]:
    """The text column (a String one, error 0017) and the name of the cleaned column."""
    name = single_column(params[COLUMN], schema, COLUMN)
    if schema[name].type is not ColumnType.STRING:
        raise errors.invalid_column_type(name, "String", COLUMN)
    if params[CUSTOM_REGEX]:
        try:
            re.compile(params[CUSTOM_REGEX])
        except re.error:
            raise errors.parameter_parsing(CUSTOM_REGEX, params[CUSTOM_REGEX], "regular expression") from None
    return name, deduplicated(schema.names, [f"Preprocessed {name}"])[0]


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    if schema is None:
        return {OUTPUT: None}
    return {OUTPUT: schema.append(Column(target(schema, params)[1], ColumnType.STRING))}
