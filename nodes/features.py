"""The feature columns of a labelled table and the scikit-learn preprocessing Train Model puts before a learner."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from nodes import errors
from nodes.table import Column, ColumnType, Role, TableSchema

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


def as_text(frame: pd.DataFrame) -> np.ndarray:
    """Values as strings with missing values as NaN, so mixed, boolean and categorical columns encode alike."""
    values = frame.astype(object).to_numpy()
    text = values.astype(str).astype(object)
    text[pd.isna(values)] = np.nan
    return text


def preprocessor(columns: list[Column], *, scale_numeric: bool, allow_unknown_levels: bool) -> ColumnTransformer:
    """Mean-impute (and optionally standardise) numeric columns; mode-impute and one-hot encode the others."""
    numeric = [c.name for c in columns if is_numeric(c)]
    other = [c.name for c in columns if not is_numeric(c)]
    numeric_steps = [("impute", SimpleImputer(strategy="mean"))]
    if scale_numeric:
        numeric_steps.append(("scale", StandardScaler()))
    categorical_steps = [
        ("text", FunctionTransformer(as_text, feature_names_out="one-to-one")),
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("encode", OneHotEncoder(handle_unknown="ignore" if allow_unknown_levels else "error", sparse_output=False)),
    ]
    return ColumnTransformer([("numeric", Pipeline(numeric_steps), numeric),
                              ("categorical", Pipeline(categorical_steps), other)])
