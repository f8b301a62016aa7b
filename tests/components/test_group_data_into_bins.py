import pickle

import numpy as np
import pandas as pd
import pytest

from nodes.columns import ColumnSelection
from nodes.components.scoring.apply_transformation import COMPONENT as APPLY
from nodes.components.transformation.group_data_into_bins import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked

MODE, PICK, OUT_MODE = "Binning mode", "Columns to bin", "Output mode"
OUT, TRANSFORM = "Quantized dataset", "Binning transformation"


def values() -> Table:
    rng = np.random.RandomState(3)
    return Table(pd.DataFrame({"x": rng.gamma(2.0, 3.0, 300), "n": rng.randint(0, 50, 300), "s": ["a"] * 300}),
                 {"s": Role.LABEL})


def binned(table: Table, **params) -> dict:
    return run_checked(COMPONENT, {"Dataset": table}, params)


@pytest.mark.parametrize("bins", [4, 10])
def test_quantile_index_matches_qcut(bins):
    out = binned(values(), **{"Number of bins": bins, "Quantile normalization": "Quantile Index"})[OUT]
    for name in ("x", "n"):
        expected = pd.qcut(values().frame[name], bins, labels=False, duplicates="drop") + 1
        assert out.frame[f"{name}_quantized"].astype(int).tolist() == expected.tolist()
    assert out.schema["x_quantized"].type is ColumnType.INTEGER and out.schema["x_quantized"].categorical
    assert out.roles == {"s": Role.LABEL}


@pytest.mark.parametrize(("normalization", "scale"), [("Percent", 100.0), ("PQuantile", 1.0)])
def test_quantile_normalizations(normalization, scale):
    out = binned(values(), **{"Number of bins": 5, "Quantile normalization": normalization, PICK: ["x"],
                              "Tag columns as categorical": False})[OUT]
    expected = (pd.qcut(values().frame["x"], 5, labels=False) + 1) * scale / 5
    assert np.allclose(out.frame["x_quantized"], expected)
    assert out.schema["x_quantized"].type is ColumnType.DOUBLE


def test_equal_width_matches_cut_and_replays_on_new_data():
    out = binned(values(), **{MODE: "Equal Width", "Number of bins": 6, PICK: ["x"], OUT_MODE: "Inplace"})
    x = values().frame["x"]
    assert out[OUT].frame["x"].astype(int).tolist() == (pd.cut(x, 6, labels=False) + 1).tolist()
    assert list(out[OUT].frame.columns) == ["x", "n", "s"]
    transform = pickle.loads(pickle.dumps(out[TRANSFORM]))
    fresh = Table(pd.DataFrame({"x": [x.min() - 5, x.max() + 5, np.nan, x.mean()], "n": [1, 2, 3, 4]}))
    replayed = run_checked(APPLY, {"Transformation": transform, "Dataset": fresh})["Transformed dataset"].frame
    step = (x.max() - x.min()) / 6
    assert replayed["x"].tolist()[:2] == [1, 6] and pd.isna(replayed["x"].iloc[2])
    assert replayed["x"].iloc[3] == int(np.ceil((x.mean() - x.min()) / step))


def test_custom_edges_and_result_only():
    out = binned(gappy_table(), **{MODE: "Custom Edges", "Comma-separated list of bin edges": "2, 5",
                                   PICK: ["num", "count"], OUT_MODE: "Result Only"})[OUT]
    frame = gappy_frame()
    expected = pd.cut(frame["num"], [-np.inf, 2, 5, np.inf], labels=False) + 1
    assert np.allclose(out.frame["num"].astype(float), expected, equal_nan=True)
    assert list(out.frame.columns) == ["num", "count"] and out.roles == {}


def test_empty_and_all_missing():
    assert binned(Table(gappy_frame().iloc[0:0]))[OUT].frame.empty
    gaps = binned(Table(pd.DataFrame({"g": [np.nan, np.nan]})))[OUT].frame
    assert gaps["g_quantized"].isna().all()


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1), ({PICK: ["city"]}, 17), ({PICK: ColumnSelection.types("DateTime")}, 11),
    ({MODE: "Custom Edges", "Comma-separated list of bin edges": "3, 1"}, 2),
    ({MODE: "Custom Edges", "Comma-separated list of bin edges": "a"}, 2),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code
