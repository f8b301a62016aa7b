"""Convert to Indicator Values' implementation: the levels of each column fitted, one indicator function each,
replayed by a ColumnTransform. Its configure is in `_convert_to_indicator_values_design`, free of pandas."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from nodes import errors
from nodes.column_names import deduplicated
from nodes.column_transform import ColumnTransform
from nodes.components.transformation._convert_to_indicator_values_design import selected
from nodes.components.transformation.convert_to_indicator_values import (
    DATASET,
    NAME,
    OUTPUT,
    OVERWRITE,
    TRANSFORM,
)
from nodes.context import RunContext
from nodes.features import MAX_LEVELS
from nodes.model_schemas import TransformSchema
from nodes.params import Params
from nodes.schema import Column, ColumnType


@dataclass(frozen=True)
class IsLevel:
    """1 where the column holds `level`, else 0 (missing values and unseen levels included)."""

    level: Any

    def __call__(self, series: pd.Series) -> pd.Series:
        return pd.Series((series.to_numpy(dtype=object) == self.level).astype(np.int64), index=series.index)


def levels(series: pd.Series) -> list:
    """A categorical column's categories in order, else the sorted distinct values present."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        found = list(series.cat.categories)
    else:
        found = sorted(series.dropna().unique().tolist(), key=str)
    if len(found) > MAX_LEVELS:
        raise errors.unique_values_exceeded(str(series.name), len(found), MAX_LEVELS)
    return found


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table = inputs[DATASET]
    names = selected(table.schema, params)
    pairs = [(name, level) for name in names for level in levels(table.frame[name])]
    drops = tuple(names) if params[OVERWRITE] else ()
    outputs = deduplicated([n for n in table.schema.names if n not in drops], [f"{n}-{v}" for n, v in pairs])
    functions = tuple((o, n, IsLevel(v)) for o, (n, v) in zip(outputs, pairs))
    produces = tuple(Column(o, ColumnType.INTEGER) for o in outputs)
    transform = ColumnTransform(TransformSchema(NAME, tuple(names), produces, drops), functions)
    return {OUTPUT: transform.apply(table), TRANSFORM: transform}
