"""SMOTE's design-time side: the label and the feature columns, none of them a date or a time span.

Its run (`_smote_run`) oversamples with imbalanced-learn."""
from __future__ import annotations

from nodes import errors
from nodes.columns import single_column
from nodes.components.transformation.smote import LABEL, OUTPUT, SAMPLES
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import ColumnType, TableSchema


def features(schema: TableSchema, params: Params) -> tuple[str, list[str]]:
    """The label and the other columns, none of them a date or a time span (error 0017)."""
    label = single_column(params[LABEL], schema, LABEL)
    others = [c for c in schema.columns if c.name != label]
    for column in others:
        if column.type in (ColumnType.DATETIME, ColumnType.TIMESPAN):
            raise errors.invalid_column_type(column.name, "Numeric, String or Boolean")
    return label, [c.name for c in others]


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(SAMPLES)
    if schema is not None:
        features(schema, params)
    return {OUTPUT: schema}
