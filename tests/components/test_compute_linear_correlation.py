"""Compute Linear Correlation: pandas' Pearson matrix of the numeric and boolean columns, with row names."""
from __future__ import annotations

import pandas as pd
import pytest

from nodes.components.statistics.compute_linear_correlation import COMPONENT
from nodes.errors import ComponentError
from nodes.table import Table
from tests.components.ml_data import ml_frame
from tests.components.transform_data import error_code, gappy_table, run, run_checked

OUTPUT = "Results dataset"


def test_the_matrix_is_pandas_pearson_on_pairwise_complete_rows():
    frame = ml_frame(80)
    out = run_checked(COMPONENT, {"Dataset": Table(frame)}, {})[OUTPUT].frame
    expected = frame[["x1", "x2", "y"]].corr(method="pearson")
    assert out["Feature"].tolist() == ["x1", "x2", "y"]
    pd.testing.assert_frame_equal(out.set_index("Feature").rename_axis(None), expected)


def test_booleans_count_as_numbers_and_text_is_left_out():
    table = gappy_table()
    out = run_checked(COMPONENT, {"Dataset": table}, {})[OUTPUT].frame
    assert list(out.columns) == ["Feature", "num", "count", "flag", "label"]
    assert out.loc[2, "count"] == pytest.approx(
        table.frame[["count", "flag"]].astype("float64").corr().loc["flag", "count"])


def test_no_numeric_column_or_a_column_named_feature_is_a_coded_error():
    assert error_code(run, COMPONENT, {"Dataset": Table(pd.DataFrame({"a": ["x"]}))}) == 20
    assert error_code(run, COMPONENT, {"Dataset": Table(pd.DataFrame({"Feature": [1.0], "b": [2.0]}))}) == 28


def test_an_empty_table_gives_a_matrix_of_missing_values():
    out = run(COMPONENT, {"Dataset": Table(ml_frame(10).iloc[0:0])})[OUTPUT].frame
    assert out.shape == (3, 4) and out.drop(columns="Feature").isna().all().all()
    with pytest.raises(ComponentError):
        run(COMPONENT, {"Dataset": Table(pd.DataFrame())})
