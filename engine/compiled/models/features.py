"""The learners' feature preparation (`nodes.preparation.preprocessor`) as NumPy: a fitted `ColumnTransformer` of
imputation, standardisation, text conversion and one-hot encoding, to the estimator's float matrix."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import (
    FunctionTransformer,
    MinMaxScaler,
    Normalizer,
    OneHotEncoder,
    QuantileTransformer,
    StandardScaler,
)

from engine.compiled.arrays import as_float, missing
from engine.compiled.kernel import Arrays, Fallback, NotCompilable
from nodes import preparation
from nodes.schema import Column, ColumnType, TableSchema

Block = Callable[[np.ndarray], np.ndarray]
Features = Callable[[Arrays], np.ndarray]


def compile_features(preparation: Any, schema: TableSchema) -> Features:
    """The float matrix `preparation` (a fitted ColumnTransformer) makes of the columns of a `schema` table."""
    if type(preparation) is not ColumnTransformer:
        raise NotCompilable(f"the feature preparation {type(preparation).__name__}")
    branches, first = [], None
    for name, transformer, names in preparation.transformers_:
        if isinstance(transformer, str) and transformer == "drop" or not len(names):
            continue
        if isinstance(transformer, str):
            raise NotCompilable(f'the "{transformer}" columns of {name}')
        branches.append(_branch(transformer, [schema[n] for n in names]))
        first = first or names[0]

    def features(columns: Arrays) -> np.ndarray:
        if not len(columns[first]):
            raise Fallback("no rows (scikit-learn refuses to score none)")
        return np.hstack([branch(columns) for branch in branches], dtype=np.float64)

    return features


def _branch(transformer: Any, columns: list[Column]) -> Features:
    steps = [step for _, step in transformer.steps] if type(transformer) is Pipeline else [transformer]
    if steps and _is_conversion(steps[0], preparation.as_text):
        start, steps = _text_block(columns), steps[1:]
    else:
        start = _numeric_block(columns)  # models fitted before `as_float` was a step start with the imputer
        steps = steps[1:] if steps and _is_conversion(steps[0], preparation.as_float) else steps
    blocks = [compile_step(step) for step in steps]

    def branch(arrays: Arrays) -> np.ndarray:
        block = start(arrays)
        for function in blocks:
            block = function(block)
        return block

    return branch


def _is_conversion(step: Any, function: Callable) -> bool:
    """The step is the preparation's `as_text` or `as_float` (which the branch's first block does)."""
    return (type(step) is FunctionTransformer and step.func is function and not step.kw_args
            and not step.validate)


def _numeric_block(columns: list[Column]) -> Features:
    if any(not c.type.numeric for c in columns):
        raise NotCompilable("a numeric step on a column that is not numeric")
    names = [c.name for c in columns]

    def block(arrays: Arrays) -> np.ndarray:
        matrix = np.column_stack([as_float(arrays[name]) for name in names])
        if np.isinf(matrix).any():
            raise Fallback("an infinite value")
        return matrix

    return block


def _text_block(columns: list[Column]) -> Features:
    """As `as_text`: each value as Python's `str` of it, missing values None."""
    def block(arrays: Arrays) -> np.ndarray:
        return np.column_stack([_text(arrays[c.name], c.type) for c in columns])

    return block


def _text(values: np.ndarray, type_: ColumnType) -> np.ndarray:
    gaps = missing(values)
    whole = type_ is ColumnType.INTEGER
    text = np.empty(len(values), dtype=object)
    text[:] = [None if gap else str(int(v)) if whole else str(v) for v, gap in zip(values.tolist(), gaps)]
    return text


def compile_step(step: Any) -> Block:
    """A fitted scikit-learn transformer of a float matrix (or of text, for imputation and encoding)."""
    maker = _STEPS.get(type(step))
    if maker is None:
        raise NotCompilable(f"the preparation step {type(step).__name__}")
    return maker(step)


def _impute(imputer: SimpleImputer) -> Block:
    fills = imputer.statistics_
    if imputer.add_indicator or not _is_nan(imputer.missing_values) or any(_is_nan(v) for v in fills):
        raise NotCompilable("an imputer with indicators, another missing value or an empty column")
    numeric = fills.dtype.kind == "f"

    def impute(block: np.ndarray) -> np.ndarray:
        gaps = np.isnan(block) if numeric else np.equal(block, None)
        return np.where(gaps, fills, block) if gaps.any() else block

    return impute


def _scale(scaler: StandardScaler) -> Block:
    mean = scaler.mean_ if scaler.with_mean else 0.0
    scale = scaler.scale_ if scaler.with_std else 1.0
    return lambda block: (block - mean) / scale


def _min_max(scaler: MinMaxScaler) -> Block:
    low, high = scaler.feature_range
    scale, shift, clip = scaler.scale_, scaler.min_, scaler.clip

    def rescale(block: np.ndarray) -> np.ndarray:
        block = block * scale + shift
        return np.clip(block, low, high) if clip else block

    return rescale


def _unit_rows(normalizer: Normalizer) -> Block:
    """Each row scaled to unit length (rows of zeros stay)."""
    if normalizer.norm != "l2":
        raise NotCompilable(f'the "{normalizer.norm}" row norm')

    def unit(block: np.ndarray) -> np.ndarray:
        norms = np.sqrt(np.einsum("ij,ij->i", block, block))
        return block / np.where(norms == 0.0, 1.0, norms)[:, None]

    return unit


def _quantiles(transformer: QuantileTransformer) -> Block:
    """The rank of each value among the fitted quantiles: scikit-learn's own transform, on the float matrix."""
    if transformer.output_distribution != "uniform":
        raise NotCompilable(f'quantiles mapped to a "{transformer.output_distribution}" distribution')
    return transformer.transform


def _one_hot(encoder: OneHotEncoder) -> Block:
    if encoder.drop_idx_ is not None or encoder._infrequent_enabled or encoder.handle_unknown not in (
            "ignore", "error"):
        raise NotCompilable("a one-hot encoder that drops or groups levels")
    indexes = [{level: i for i, level in enumerate(levels.tolist())} for levels in encoder.categories_]
    offsets = np.cumsum([0] + [len(index) for index in indexes])
    refuse, dtype = encoder.handle_unknown == "error", encoder.dtype

    def encode(block: np.ndarray) -> np.ndarray:
        rows = np.arange(len(block))
        encoded = np.zeros((len(block), offsets[-1]), dtype=dtype)
        for j, index in enumerate(indexes):
            positions = np.fromiter((index.get(v, -1) for v in block[:, j]), np.int64, len(block))
            known = positions >= 0
            if refuse and not known.all():
                raise Fallback("an unknown categorical level")
            encoded[rows[known], offsets[j] + positions[known]] = 1
        return encoded

    return encode


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and value != value


_STEPS: dict[type, Callable[[Any], Block]] = {SimpleImputer: _impute, StandardScaler: _scale,
                                              MinMaxScaler: _min_max, Normalizer: _unit_rows,
                                              QuantileTransformer: _quantiles, OneHotEncoder: _one_hot}
