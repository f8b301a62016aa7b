"""The scikit-learn feature preparation a learner puts before its estimator: imputation, scaling, one-hot encoding."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, OneHotEncoder, QuantileTransformer, StandardScaler

from nodes.features import is_numeric
from nodes.table import Column

GAUSSIAN = "Gaussian"
MIN_MAX = "Min-Max"
BINNING = "Binning"
SCALERS = {GAUSSIAN: StandardScaler, MIN_MAX: MinMaxScaler,
           BINNING: lambda: QuantileTransformer(n_quantiles=100)}  # the rank in [0, 1]: equal-frequency bins
"""The designer's normalizers by name: standardise, rescale to [0, 1], or map each value to its quantile."""


def as_float(frame: pd.DataFrame) -> np.ndarray:
    """Numeric columns as one float matrix, missing values NaN, filled a column at a time (Fortran order), where
    scikit-learn's own conversion of a frame of mixed integer and float columns interleaves them (several times
    slower)."""
    matrix = np.empty(frame.shape, dtype=np.float64, order="F")
    for i, (_, column) in enumerate(frame.items()):
        matrix[:, i] = column.to_numpy(dtype=np.float64, na_value=np.nan)
    return matrix


def as_text(frame: pd.DataFrame) -> np.ndarray:
    """Values as strings with missing values as NaN, so mixed, boolean and categorical columns encode alike."""
    text = np.empty(frame.shape, dtype=object)
    for i, (_, column) in enumerate(frame.items()):
        text[:, i] = _column_text(column)
    return text


def _column_text(column: pd.Series) -> np.ndarray:
    """One column as `as_text` has it: a text column's strings as they are and a categorical one's by its codes
    (the cheap cases), else `str` of each value."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.to_numpy(dtype=object, na_value=np.nan)
    if isinstance(column.dtype, pd.CategoricalDtype):  # code -1 (missing) picks the NaN at the end
        return np.array([*map(str, column.cat.categories), np.nan], dtype=object)[column.cat.codes.to_numpy()]
    values = column.astype(object).to_numpy()
    text = values.astype(str).astype(object)
    text[pd.isna(values)] = np.nan
    return text


def preprocessor(columns: list[Column], *, scaler: str | None, allow_unknown_levels: bool) -> ColumnTransformer:
    """Mean-impute (and optionally normalise with one of `SCALERS`) numeric columns as floats; mode-impute and
    one-hot encode the others as text."""
    numeric = [c.name for c in columns if is_numeric(c)]
    other = [c.name for c in columns if not is_numeric(c)]
    numeric_steps = [("float", FunctionTransformer(as_float, feature_names_out="one-to-one")),
                     ("impute", SimpleImputer(strategy="mean"))]
    if scaler is not None:
        numeric_steps.append(("scale", SCALERS[scaler]()))
    categorical_steps = [
        ("text", FunctionTransformer(as_text, feature_names_out="one-to-one")),
        ("impute", SimpleImputer(strategy="most_frequent")),
        ("encode", OneHotEncoder(handle_unknown="ignore" if allow_unknown_levels else "error", sparse_output=False)),
    ]
    return ColumnTransformer([("numeric", Pipeline(numeric_steps), numeric),
                              ("categorical", Pipeline(categorical_steps), other)])
