"""Preview data statistics, checked against numpy and pandas directly."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engine import preview
from nodes.table import Role, Table


@pytest.fixture
def table() -> Table:
    rng = np.random.default_rng(3)
    values = np.r_[rng.normal(10, 2, 200), [60.0, -40.0], [np.nan] * 5]
    frame = pd.DataFrame({"x": values, "kind": (["a"] * 120 + ["b"] * 50 + ["c"] * 30 + [None] * 7),
                          "y": ["yes", "no"] * 103 + ["yes"]})
    return Table(frame, {"y": Role.LABEL})


def test_numeric_statistics_match_pandas(table):
    summary = preview.summarize(table, "x")
    x = table.frame["x"]
    assert summary.feature_type == "Numeric Feature"
    assert summary.mean == pytest.approx(x.mean())
    assert summary.median == pytest.approx(x.median())
    assert (summary.min, summary.max) == (x.min(), x.max())
    assert summary.std == pytest.approx(x.std())
    assert (summary.unique, summary.missing, summary.count) == (x.nunique(), 5, len(x))
    assert [name for name, _ in summary.statistics()] == ["Mean", "Median", "Min", "Max", "Standard Deviation",
                                                          "Unique Values", "Missing Values"]


def test_histogram_has_ten_equal_bins(table):
    summary = preview.summarize(table, "x")
    counts, edges = np.histogram(table.frame["x"].dropna(), bins=10)
    assert summary.histogram.counts == tuple(counts)
    assert summary.histogram.edges == pytest.approx(edges)
    assert sum(summary.histogram.counts) == 202


def test_box_plot_quartiles_whiskers_and_outliers(table):
    box = preview.summarize(table, "x").box
    values = table.frame["x"].dropna().to_numpy()
    q1, q3 = np.percentile(values, [25, 75])
    assert (box.lower_quartile, box.median, box.upper_quartile) == pytest.approx(
        (q1, np.median(values), q3))
    inside = values[(values >= q1 - 1.5 * (q3 - q1)) & (values <= q3 + 1.5 * (q3 - q1))]
    assert (box.lower_whisker, box.upper_whisker) == (inside.min(), inside.max())
    assert 60.0 in box.outliers and -40.0 in box.outliers
    assert all(v < box.lower_whisker or v > box.upper_whisker for v in box.outliers)


def test_outliers_are_capped_at_25():
    values = np.r_[np.zeros(100), np.arange(1000, 1100)]
    box = preview.box_plot(np.r_[np.linspace(-1, 1, 300), values[100:]])
    assert len(box.outliers) == 25
    assert box.outliers[0] == 1099


def test_strings_get_top_values_and_no_numeric_statistics(table):
    summary = preview.summarize(table, "kind")
    assert summary.feature_type == "String Feature"
    assert summary.top_values == (("a", 120), ("b", 50), ("c", 30))
    assert summary.mean is None and summary.histogram is None and not summary.numeric
    assert (summary.unique, summary.missing) == (3, 7)


def test_label_role_and_top_ten_only():
    frame = pd.DataFrame({"y": [f"v{i % 15}" for i in range(150)] + ["v0"] * 5})
    summary = preview.summarize(Table(frame, {"y": Role.LABEL}), "y")
    assert summary.feature_type == "String Label"
    assert len(summary.top_values) == 10
    assert summary.top_values[0] == ("v0", 15)


def test_categorical_and_all_missing_columns():
    frame = pd.DataFrame({"c": pd.Categorical([1, 2, 2]), "m": [np.nan] * 3})
    table = Table(frame)
    assert preview.summarize(table, "c").feature_type == "Categorical Feature"
    empty = preview.summarize(table, "m")
    assert (empty.missing, empty.unique, empty.mean, empty.top_values) == (3, 0, None, ())


def test_past_the_sample_size_statistics_are_approximate_and_counts_exact():
    rng = np.random.default_rng(5)
    values = rng.normal(50, 10, 5000)
    values[::50] = np.nan
    table = Table(pd.DataFrame({"x": values}))
    exact = preview.summarize(table, "x")
    sampled = preview.summarize(table, "x", sample_rows=1000)
    assert exact.sampled is None and sampled.sampled == 1000
    assert (sampled.count, sampled.missing) == (5000, 100)  # over every row
    assert sampled.mean == pytest.approx(exact.mean, rel=0.02)
    assert sum(sampled.histogram.counts) == 1000 - int(np.isnan(table.frame["x"].sample(n=1000, random_state=0)).sum())
    assert preview.summarize(table, "x", sample_rows=1000) == sampled  # the same sample every time
