"""Summarize Data: every statistic of the reference, as pandas and scipy compute it."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from nodes.components.statistics.summarize_data import COMPONENT, STATISTICS
from nodes.table import Table
from tests.components.ml_data import ml_frame
from tests.components.transform_data import gappy_table, run_checked


def summarize(frame: pd.DataFrame) -> pd.DataFrame:
    return run_checked(COMPONENT, {"Input": Table(frame)}, {})["Result_dataset"].frame.set_index("Feature")


def test_every_statistic_of_a_numeric_column():
    frame = ml_frame(80)
    row = summarize(frame).loc["x1"]
    x = frame["x1"].dropna().to_numpy()
    expected = {"Count": len(x), "Unique Value Count": len(np.unique(x)), "Missing Value Count": 2,
                "Min": x.min(), "Max": x.max(), "Mean": x.mean(), "Mean Deviation": np.mean(np.abs(x - x.mean())),
                "1st quantile": np.quantile(x, 0.25), "Median": np.median(x), "3rd quantile": np.quantile(x, 0.75),
                "Range": np.ptp(x), "Sample Variance": np.var(x, ddof=1), "Sample Standard Deviation": np.std(x, ddof=1),
                "Sample Skewness": stats.skew(x, bias=False), "Sample Kurtosis": stats.kurtosis(x, bias=False),
                "P0.5": np.quantile(x, 0.005), "P1": np.quantile(x, 0.01), "P5": np.quantile(x, 0.05),
                "P95": np.quantile(x, 0.95), "P99": np.quantile(x, 0.99), "P99.5": np.quantile(x, 0.995)}
    assert list(summarize(frame).reset_index().columns) == list(STATISTICS)
    for name, value in expected.items():
        assert row[name] == pytest.approx(value), name


def test_text_categories_and_booleans_get_counts_and_mode_only():
    frame = gappy_table().frame
    summary = summarize(frame)
    assert summary.loc["city", ["Count", "Unique Value Count", "Missing Value Count", "Mode"]].tolist() == \
        [6, 3, 2, "Oslo"]
    assert summary.loc["kind", "Mode"] == "a" and summary.loc["flag", "Mode"] == "True"
    assert summary.loc[["city", "kind", "flag"], "Mean":"P99.5"].drop(columns="Mode").isna().all().all()
    assert summary.loc["count", "Mode"] == "4"
    assert list(summary.index) == list(frame.columns)


def test_an_all_missing_column_and_an_empty_table():
    summary = summarize(pd.DataFrame({"gone": [np.nan, np.nan], "x": [1.0, 2.0]}))
    assert summary.loc["gone", ["Count", "Missing Value Count"]].tolist() == [0, 2]
    assert pd.isna(summary.loc["gone", "Mean"]) and pd.isna(summary.loc["gone", "Mode"])
    empty = summarize(gappy_table().frame.iloc[0:0])
    assert empty["Count"].tolist() == [0] * 6
