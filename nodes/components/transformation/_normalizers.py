"""The fitted column functions Normalize Data replays, one kind per transformation method."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import expit
from scipy.stats import lognorm

from nodes.column_transform import ColumnFunction
from nodes.components.transformation.normalize_data import LOGISTIC, LOGNORMAL, MINMAX, TANH, ZSCORE

CONSTANT_STD = 1e-9


def numbers(series: pd.Series) -> pd.Series:
    """The column as float64, infinite values counting as missing."""
    values = series.astype("float64")
    return values.where(np.isfinite(values))


@dataclass(frozen=True)
class Affine:
    """(x - shift) / scale: ZScore with the mean and population deviation, MinMax with the minimum and range."""

    shift: float
    scale: float

    def __call__(self, series: pd.Series) -> pd.Series:
        return (numbers(series) - self.shift) / self.scale


@dataclass(frozen=True)
class Constant:
    """A constant (or empty) column: 0 where a value is present if `zero`, otherwise missing throughout."""

    zero: bool

    def __call__(self, series: pd.Series) -> pd.Series:
        return numbers(series) * (0.0 if self.zero else np.nan)


@dataclass(frozen=True)
class Elementwise:
    """A fixed function of each value: the logistic function or tanh."""

    function: np.ufunc

    def __call__(self, series: pd.Series) -> pd.Series:
        return self.function(numbers(series))


@dataclass(frozen=True)
class LogNormalCdf:
    """The CDF of the log-normal fitted (maximum likelihood, location 0) on the positive values."""

    mu: float
    sigma: float

    def __call__(self, series: pd.Series) -> pd.Series:
        values = numbers(series)
        return pd.Series(lognorm.cdf(values.to_numpy(), s=self.sigma, scale=np.exp(self.mu)),
                         index=values.index, name=values.name)


def fit(series: pd.Series, method: str, zero_constant: bool) -> ColumnFunction:
    """The method's function with statistics of `series`; constant columns give 0 or missing values."""
    if method in (LOGISTIC, TANH):
        return Elementwise(expit if method == LOGISTIC else np.tanh)
    values = numbers(series).dropna()
    if method == LOGNORMAL:
        values = values[values > 0]
    if values.empty:
        return Constant(False)
    std = float(values.std(ddof=0))
    if std < CONSTANT_STD:
        return Constant(zero_constant)
    if method == ZSCORE:
        return Affine(float(values.mean()), std)
    if method == MINMAX:
        return Affine(float(values.min()), float(values.max() - values.min()))
    logs = np.log(values)
    return LogNormalCdf(float(logs.mean()), float(logs.std(ddof=0)))
