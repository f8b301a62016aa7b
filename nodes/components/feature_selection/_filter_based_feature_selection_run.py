"""Filter Based Feature Selection's implementation: each method's score of the candidate columns."""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

from nodes.components.feature_selection._filter_based_feature_selection import candidates, target_of
from nodes.components.feature_selection.filter_based_feature_selection import (
    CORRELATIONS,
    COUNT,
    DATASET,
    DESIRED,
    FEATURE,
    FEATURES,
    FILTERED,
    METHOD,
    MIN_NONZERO,
    MUTUAL,
    SCORE,
)
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table

BINS = 10  # quantile bins of a numeric column for the chi-squared test
SEED = 0
NEIGHBOURS = 3  # scikit-learn's default for mutual information; it needs more rows than this


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    target = target_of(table.schema, params)
    names = candidates(table.schema, params, target)
    frame = table.frame
    scores = {}
    for name in names:
        ctx.check_cancelled()
        scores[name] = score(frame[name], None if target is None else frame[target], params)
    ranked = sorted(names, key=lambda n: -scores[n])  # a stable sort: ties keep the data set's order
    chosen = set(ranked[:params[DESIRED]])
    if params[METHOD] == COUNT:
        chosen = {n for n in chosen if scores[n] >= params[MIN_NONZERO]}
    filtered = table.with_frame(frame[[n for n in frame.columns if n in chosen or n == target]])
    features = pd.DataFrame({FEATURE: pd.Series(ranked, dtype="str"),
                             SCORE: pd.Series([scores[n] for n in ranked], dtype="float64")})
    return {FILTERED: filtered, FEATURES: Table(features)}


def score(feature: pd.Series, target: pd.Series | None, params: Params) -> float:
    method = params[METHOD]
    if method == COUNT:
        return float(nonzero(feature).sum())
    pair = pd.DataFrame({"x": feature, "y": target}).dropna()
    if method in CORRELATIONS:
        if len(pair) < 2:
            return 0.0
        value = pair["x"].astype("float64").corr(pair["y"].astype("float64"), method=CORRELATIONS[method])
        return 0.0 if np.isnan(value) else float(abs(value))
    if method == MUTUAL:
        return mutual_information(pair["x"], pair["y"])
    return chi_squared(pair["x"], pair["y"])


def nonzero(series: pd.Series) -> pd.Series:
    """Values that are present and not zero (not empty, for text)."""
    present = series.notna()
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return present & series.ne(0).fillna(False).astype(bool)
    return present & (series.astype("string").fillna("") != "")


def continuous(series: pd.Series) -> bool:
    return pd.api.types.is_float_dtype(series.dtype)


def codes(series: pd.Series) -> np.ndarray:
    """The values as numbers: floats as they are, anything else as the code of its value."""
    if continuous(series):
        return series.to_numpy(dtype="float64")
    return pd.factorize(series, sort=True)[0].astype("float64")


def mutual_information(x: pd.Series, y: pd.Series) -> float:
    """Mutual information (nats) of a feature with a class target, or with a Double target."""
    if len(x) <= NEIGHBOURS:
        return 0.0
    estimate = mutual_info_regression if continuous(y) else mutual_info_classif
    target = codes(y) if continuous(y) else pd.factorize(y, sort=True)[0]
    return float(estimate(codes(x).reshape(-1, 1), target, discrete_features=[not continuous(x)],
                          n_neighbors=NEIGHBOURS, random_state=SEED)[0])


def binned(series: pd.Series) -> pd.Series:
    """A numeric column with more than `BINS` values in quantile bins; others as they are."""
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype) \
            and series.nunique() > BINS:
        return pd.qcut(series.astype("float64"), BINS, labels=False, duplicates="drop")
    return series


def chi_squared(x: pd.Series, y: pd.Series) -> float:
    """The chi-squared statistic of independence of the (binned) feature and target."""
    table = pd.crosstab(binned(x), binned(y))
    if min(table.shape) < 2:
        return 0.0
    return float(chi2_contingency(table.to_numpy(), correction=False).statistic)
