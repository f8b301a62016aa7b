"""The fitted column functions of Clean Missing Data and Normalize Data, as functions of compiled values."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.stats import lognorm

from engine.compiled.arrays import as_float, canonical, missing
from engine.compiled.conversions import TO_NUMBER, Convert, converter
from engine.compiled.kernel import NotCompilable
from nodes.components.transformation._missing_values import Fill, IsMissing
from nodes.components.transformation._normalizers import Affine, Constant, Elementwise, LogNormalCdf
from nodes.schema import Column


def compile_function(function: Any, source: Column) -> Convert:
    """`function` (a fitted column function) applied to values of the `source` column."""
    maker = _MAKERS.get(type(function))
    if maker is None:
        raise NotCompilable(f"the column function {type(function).__name__}")
    if maker is not _fill and maker is not _is_missing and source.type not in TO_NUMBER:
        raise NotCompilable(f'normalizing the {source.type.value} column "{source.name}"')
    return maker(function, source)


def _fill(function: Fill, source: Column) -> Convert:
    convert, type_, value = converter(source.type, function.column.type), function.column.type, function.value
    if value is None:
        return convert

    def fill(values: np.ndarray) -> np.ndarray:
        values = convert(values)
        gaps = missing(values)
        if not gaps.any():
            return values
        values = values.copy()
        values[gaps] = value
        return canonical(values, type_)

    return fill


def _is_missing(function: IsMissing, source: Column) -> Convert:
    return missing


def _numbers(values: np.ndarray) -> np.ndarray:
    """As `_normalizers.numbers`: float64, infinite values missing."""
    numbers = as_float(values)
    return np.where(np.isfinite(numbers), numbers, np.nan)


def _affine(function: Affine, source: Column) -> Convert:
    shift, scale = function.shift, function.scale
    return lambda values: (_numbers(values) - shift) / scale


def _constant(function: Constant, source: Column) -> Convert:
    factor = 0.0 if function.zero else np.nan
    return lambda values: _numbers(values) * factor


def _elementwise(function: Elementwise, source: Column) -> Convert:
    ufunc = function.function
    return lambda values: ufunc(_numbers(values))


def _lognormal(function: LogNormalCdf, source: Column) -> Convert:
    sigma, scale = function.sigma, np.exp(function.mu)
    return lambda values: lognorm.cdf(_numbers(values), s=sigma, scale=scale)


_MAKERS: dict[type, Callable[[Any, Column], Convert]] = {
    Fill: _fill, IsMissing: _is_missing, Affine: _affine, Constant: _constant, Elementwise: _elementwise,
    LogNormalCdf: _lognormal,
}
