import numpy as np
import pandas as pd
import pytest

from nodes.columns import ColumnSelection
from nodes.components.transformation.clip_values import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked

SET, THRESHOLD, PICK = "Set of thresholds", "Threshold", "List of columns"


def clip(table: Table, **values) -> Table:
    return run_checked(COMPONENT, {"Input": table}, values)["Result_dataset"]


def values() -> Table:
    rng = np.random.RandomState(1)
    return Table(pd.DataFrame({"x": rng.normal(50, 30, 200), "n": rng.randint(-20, 140, 200), "s": ["a"] * 200}))


def test_constant_thresholds_match_numpy_clip():
    out = clip(values(), **{SET: "ClipPeaksAndSubpeaks", "Constant value for upper threshold": 80,
                            "Constant value for lower threshold": 10})
    for name in ("x", "n"):
        assert np.allclose(out.frame[name], np.clip(values().frame[name].astype(float), 10, 80))
        assert out.schema[name].type is ColumnType.DOUBLE
    assert out.frame["s"].equals(values().frame["s"])


def test_percentile_thresholds_match_quantiles():
    out = clip(values(), **{SET: "ClipPeaksAndSubpeaks", THRESHOLD: "Percentile",
                            "Percentile number for upper threshold": 90, "Percentile number for lower threshold": 5})
    x = values().frame["x"]
    assert np.allclose(out.frame["x"], x.clip(x.quantile(0.05), x.quantile(0.9)))


@pytest.mark.parametrize(("substitute", "expected"), [("Mean", "mean"), ("Median", "median"), ("Missing", None)])
def test_substitutes(substitute, expected):
    x = values().frame["x"]
    out = clip(values(), **{"Substitute value for peaks": substitute, PICK: ["x"],
                            "Constant value for upper threshold": 70}).frame["x"]
    fill = np.nan if expected is None else getattr(x, expected)()
    pd.testing.assert_series_equal(out, x.where(x <= 70, fill))


def test_subpeaks_only_append_and_indicators():
    out = clip(gappy_table(), **{SET: "ClipSubPeaks", "Overwrite flag": False, "Add indicator columns": True,
                                 PICK: ["num"], "Constant value for lower threshold": 3})
    frame = gappy_frame()
    assert list(out.frame.columns) == [*frame.columns, "num_clipped", "num_isClipped"]
    pd.testing.assert_series_equal(out.frame["num"], frame["num"])
    assert np.allclose(out.frame["num_clipped"], frame["num"].clip(lower=3), equal_nan=True)
    assert out.frame["num_isClipped"].tolist() == (frame["num"] < 3).tolist()
    assert out.roles == {"label": Role.LABEL}


def test_empty_and_all_missing_columns():
    assert clip(Table(gappy_frame().iloc[0:0])).frame.empty
    gaps = clip(Table(pd.DataFrame({"g": [np.nan, np.nan]})), **{THRESHOLD: "Percentile"})
    assert gaps.frame["g"].isna().all()


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1), ({PICK: ["city"]}, 17), ({PICK: ColumnSelection.types("DateTime")}, 11),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Input": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Input": gappy_table()}, params) == code
