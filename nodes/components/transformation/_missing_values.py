"""The fitted column functions Clean Missing Data replays: fill with a value, flag missing values."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from nodes.components.transformation.clean_missing_data import MEAN, MODE
from nodes.conversion import conform
from nodes.schema import Column, ColumnType


@dataclass(frozen=True)
class Fill:
    """Casts a column to its fitted type and fills its missing values with `value` (None: leaves them)."""

    column: Column
    value: Any = None

    def __call__(self, series: pd.Series) -> pd.Series:
        series = conform(series, self.column)
        if self.value is None:
            return series
        if isinstance(series.dtype, pd.CategoricalDtype) and self.value not in series.cat.categories:
            series = series.cat.add_categories([self.value])
        return series.fillna(self.value)


@dataclass(frozen=True)
class IsMissing:
    """True where the column is missing: the `<col>_isMissing` indicator."""

    def __call__(self, series: pd.Series) -> pd.Series:
        return series.isna()


def statistic(series: pd.Series, column: Column, mode: str) -> Any:
    """The mean, median or mode of the non-missing values in the column's own type; None if all are missing."""
    values = series.dropna()
    if values.empty:
        return None
    if mode == MODE:
        return values.mode().iloc[0]
    number = values.astype("float64").mean() if mode == MEAN else values.astype("float64").median()
    if column.type is ColumnType.BOOLEAN:
        return bool(number >= 0.5)
    return int(round(number)) if column.type is ColumnType.INTEGER else float(number)
