"""Filter Based Feature Selection's implementation: which columns are candidates, and each method's score."""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

from nodes import errors
from nodes.columns import some_columns
from nodes.components.feature_selection.filter_based_feature_selection import (
    CORRELATIONS,
    COUNT,
    DATASET,
    DESIRED,
    FEATURE,
    FEATURES,
    FEATURES_ONLY,
    FILTERED,
    METHOD,
    MIN_NONZERO,
    MUTUAL,
    SCORE,
    TARGET,
)
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema
from nodes.table import Table

BINS = 10  # quantile bins of a numeric column for the chi-squared test
SEED = 0
NEIGHBOURS = 3  # scikit-learn's default for mutual information; it needs more rows than this
SCORES = TableSchema((Column(FEATURE, ColumnType.STRING), Column(SCORE, ColumnType.DOUBLE)))


def numeric(column: Column) -> bool:
    return column.type.numeric or column.type is ColumnType.BOOLEAN


def target_of(schema: TableSchema, params: Params) -> str | None:
    """The one target column (none for CountBased); a number for the correlations."""
    if params[METHOD] == COUNT:
        return None
    names = some_columns(params[TARGET], schema, TARGET)
    if len(names) != 1:
        raise errors.bad_number_of_columns(TARGET, len(names))
    if params[METHOD] in CORRELATIONS and not numeric(schema[names[0]]):
        raise errors.invalid_column_type(names[0], "Numeric", TARGET)
    return names[0]


def candidates(schema: TableSchema, params: Params, target: str | None) -> list[str]:
    """The columns to score: features (or all columns) but the target; numeric ones for the correlations."""
    names = [c.name for c in schema.columns if c.name != target
             and (not params[FEATURES_ONLY] or c.role is Role.FEATURE)
             and (params[METHOD] not in CORRELATIONS or numeric(c))]
    if not names:
        kind = "numeric feature" if params[METHOD] in CORRELATIONS else "feature"
        raise errors.ComponentError(20, "TooFewColumns", f'"{DATASET}" has no {kind} column to score.', port=DATASET)
    return names


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """Which features win depends on the data, unless all of them are kept."""
    schema = inputs.get(DATASET)
    if schema is None:
        return {FILTERED: None, FEATURES: SCORES}
    target = target_of(schema, params)
    names = candidates(schema, params, target)
    everything = params[DESIRED] >= len(names) and params[METHOD] != COUNT
    kept = set(names) | {target}
    return {FILTERED: schema.select([n for n in schema.names if n in kept]) if everything else None,
            FEATURES: SCORES}


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
