"""The scikit-learn feature preparation a learner puts before its estimator: imputation, scaling, one-hot encoding."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

from nodes.features import is_numeric
from nodes.table import Column


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
