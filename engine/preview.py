"""Preview data: the statistics and chart figures the designer shows for one column of a data set."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from nodes.table import ColumnType, Table

PREVIEW_ROWS = 100
PREVIEW_COLUMNS = 100
HISTOGRAM_BINS = 10
TOP_VALUES = 10
MAX_OUTLIERS = 25
WHISKER_IQR = 1.5
SAMPLE_ROWS = 200_000
"""Above this many rows, a column's statistics and charts are computed on a seeded random sample of them."""


@dataclass(frozen=True)
class Histogram:
    """`len(edges) == len(counts) + 1` equal-width bins over the non-missing values."""

    edges: tuple[float, ...]
    counts: tuple[int, ...]


@dataclass(frozen=True)
class BoxPlot:
    """Tukey's box: quartiles, whiskers at the furthest values within 1.5 IQR, and up to 25 outliers."""

    median: float
    lower_quartile: float
    upper_quartile: float
    lower_whisker: float
    upper_whisker: float
    outliers: tuple[float, ...]


@dataclass(frozen=True)
class ColumnSummary:
    """What Preview data shows for a selected column; numeric figures are None for other columns."""

    name: str
    feature_type: str
    count: int
    unique: int
    missing: int
    mean: float | None = None
    median: float | None = None
    min: float | None = None
    max: float | None = None
    std: float | None = None
    histogram: Histogram | None = None
    box: BoxPlot | None = None
    top_values: tuple[tuple[str, int], ...] = field(default_factory=tuple)
    sampled: int | None = None  # the rows the statistics were computed on, when not all (approximate figures)

    @property
    def numeric(self) -> bool:
        return self.histogram is not None

    def statistics(self) -> list[tuple[str, float | int | None]]:
        """The statistics in the designer's order and wording."""
        return [("Mean", self.mean), ("Median", self.median), ("Min", self.min), ("Max", self.max),
                ("Standard Deviation", self.std), ("Unique Values", self.unique), ("Missing Values", self.missing)]


def feature_type(table: Table, name: str) -> str:
    """The designer's "<kind> <role>" label of a column, such as "Numeric Feature" or "String Label"."""
    column = table.schema[name]
    if column.categorical:
        kind = "Categorical"
    elif column.type.numeric:
        kind = "Numeric"
    elif column.type is ColumnType.STRING:
        kind = "String"
    else:
        kind = column.type.value
    return f"{kind} {column.role.value}"


def histogram(values: np.ndarray, bins: int = HISTOGRAM_BINS) -> Histogram:
    counts, edges = np.histogram(values, bins=bins)
    return Histogram(tuple(float(e) for e in edges), tuple(int(c) for c in counts))


def box_plot(values: np.ndarray) -> BoxPlot:
    q1, median, q3 = (float(q) for q in np.percentile(values, [25, 50, 75]))
    reach = WHISKER_IQR * (q3 - q1)
    inside = values[(values >= q1 - reach) & (values <= q3 + reach)]
    outside = values[(values < q1 - reach) | (values > q3 + reach)]
    furthest = outside[np.argsort(-np.abs(outside - median), kind="stable")][:MAX_OUTLIERS]
    return BoxPlot(median, q1, q3, float(inside.min()), float(inside.max()), tuple(float(v) for v in furthest))


def top_values(series: pd.Series, n: int = TOP_VALUES) -> tuple[tuple[str, int], ...]:
    """The n most frequent non-missing values, most frequent first."""
    counts = series.dropna().astype(str).value_counts(sort=True).head(n)
    return tuple((str(value), int(count)) for value, count in counts.items())


def summarize(table: Table, name: str, sample_rows: int = SAMPLE_ROWS) -> ColumnSummary:
    """Statistics and chart figures of one column over all its rows (not only the previewed ones); past
    `sample_rows` rows, over a seeded random sample of them, except the row and missing counts."""
    whole = table.frame[name]
    series = whole.sample(n=sample_rows, random_state=0) if len(whole) > sample_rows else whole
    present = series.dropna()
    base = dict(name=name, feature_type=feature_type(table, name), count=int(len(whole)),
                unique=int(present.nunique()), missing=int(whole.isna().sum()),
                sampled=len(series) if len(series) < len(whole) else None)
    column = table.schema[name]
    if not column.type.numeric or column.categorical or present.empty:
        return ColumnSummary(**base, top_values=top_values(series))
    values = present.to_numpy(dtype=float)
    return ColumnSummary(**base, mean=float(values.mean()), median=float(np.median(values)),
                         min=float(values.min()), max=float(values.max()),
                         std=float(present.astype(float).std()) if len(values) > 1 else None,
                         histogram=histogram(values), box=box_plot(values))
