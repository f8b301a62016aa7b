"""Which columns of a labelled table are a model's features, and whether each is numeric or categorical."""
from __future__ import annotations

from typing import TYPE_CHECKING

from nodes import errors
from nodes.schema import Column, ColumnType, Role, TableSchema

if TYPE_CHECKING:  # check_levels reads a frame; choosing the features loads no data library
    import pandas as pd

MAX_LEVELS = 1000
NOT_FEATURES = (Role.LABEL, Role.SCORE, Role.WEIGHT, Role.NONE)


def feature_columns(schema: TableSchema, label: str) -> list[Column]:
    """Every column but the label and the columns marked as label, score or weight."""
    columns = [c for c in schema.columns if c.name != label and c.role not in NOT_FEATURES]
    if not columns:
        raise errors.ComponentError(20, "TooFewColumns", f'No feature columns are left besides the label "{label}".',
                                    port="Dataset")
    for column in columns:
        if column.type in (ColumnType.DATETIME, ColumnType.TIMESPAN):
            raise errors.invalid_column_type(column.name, "Numeric, String or Boolean")
    return columns


def is_numeric(column: Column) -> bool:
    return column.type.numeric and not column.categorical


def check_levels(frame: pd.DataFrame, columns: list[Column]) -> None:
    """Error 0014 for a free-text column with too many distinct values to one-hot encode."""
    for column in columns:
        if column.type is ColumnType.STRING and not column.categorical:
            count = frame[column.name].nunique()
            if count > MAX_LEVELS:
                raise errors.unique_values_exceeded(column.name, count, MAX_LEVELS)
