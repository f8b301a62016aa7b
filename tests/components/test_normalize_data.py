import pickle

import numpy as np
import pandas as pd
import pytest
from scipy.stats import lognorm
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from nodes.columns import ColumnSelection
from nodes.components.scoring.apply_transformation import COMPONENT as APPLY
from nodes.components.transformation.normalize_data import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked

METHOD = "Transformation method"
PICK = "Columns to transform"
OUT, FUNCTION = "Transformed dataset", "Transformation function"
NUMERIC = ["num", "count"]


def normalize(table: Table, **values) -> dict:
    return run_checked(COMPONENT, {"Dataset": table}, values)


def fresh_table() -> Table:
    return Table(pd.DataFrame({"num": [0.5, 12.0, np.nan], "count": pd.array([2, None, 9], dtype="Int64"),
                               "label": [1, 0, 1]}), {"label": Role.LABEL})


def lognormal_cdf(train: pd.Series, values: pd.Series) -> np.ndarray:
    positive = train.dropna()
    shape, _, scale = lognorm.fit(positive[positive > 0].to_numpy(dtype=float), floc=0)
    return lognorm.cdf(values.to_numpy(dtype=float, na_value=np.nan), shape, 0, scale)


def expected(method: str, train: pd.Series, values: pd.Series) -> np.ndarray:
    column = train.to_numpy(dtype=float, na_value=np.nan).reshape(-1, 1)
    target = values.to_numpy(dtype=float, na_value=np.nan).reshape(-1, 1)
    if method == "ZScore":
        return StandardScaler().fit(column).transform(target).ravel()
    if method == "MinMax":
        return MinMaxScaler().fit(column).transform(target).ravel()
    if method == "Logistic":
        return 1 / (1 + np.exp(-target.ravel()))
    if method == "Tanh":
        return np.tanh(target.ravel())
    return lognormal_cdf(train, values)


@pytest.mark.parametrize("method", ["ZScore", "MinMax", "Logistic", "LogNormal", "Tanh"])
def test_methods_match_direct_computation_and_replay(method):
    frame = gappy_frame()
    out = normalize(gappy_table(), **{METHOD: method})
    result = out[OUT].frame
    assert list(result.columns) == list(frame.columns)
    for name in NUMERIC:
        assert np.allclose(result[name], expected(method, frame[name], frame[name]), equal_nan=True)
        assert out[OUT].schema[name].type is ColumnType.DOUBLE
    pd.testing.assert_frame_equal(result[["city", "kind", "flag"]], frame[["city", "kind", "flag"]])
    # the default picker takes every numeric column, the label included (its positive values are constant)
    label = np.zeros(len(frame)) if method == "LogNormal" else expected(method, frame["label"], frame["label"])
    assert np.allclose(result["label"], label)
    assert out[OUT].roles == {"label": Role.LABEL}

    fresh = fresh_table()
    replayed = run_checked(APPLY, {"Transformation": pickle.loads(pickle.dumps(out[FUNCTION])), "Dataset": fresh},
                           {})["Transformed dataset"].frame
    for name in NUMERIC:
        assert np.allclose(replayed[name], expected(method, frame[name], fresh.frame[name]), equal_nan=True)


@pytest.mark.parametrize(("zero", "value"), [(True, 0.0), (False, None)])
@pytest.mark.parametrize("method", ["ZScore", "MinMax", "LogNormal"])
def test_constant_columns(method, zero, value):
    table = Table(pd.DataFrame({"c": [5.0, 5.0, np.nan, 5.0]}))
    out = normalize(table, **{METHOD: method, "Use 0 for constant columns when checked": zero})[OUT].frame["c"]
    assert out.iloc[2] != out.iloc[2]
    assert all(v == value for v in out.drop(index=2)) if zero else out.isna().all()


def test_lognormal_ignores_non_positive_values_when_fitting():
    train = pd.Series([-1.0, 0.0, 1.0, 2.0, 4.0, 8.0])
    out = normalize(Table(pd.DataFrame({"x": train})), **{METHOD: "LogNormal"})[OUT].frame["x"]
    assert np.allclose(out, lognormal_cdf(train, train))
    assert out.iloc[0] == 0.0


def test_only_selected_columns_change():
    frame = gappy_frame()
    out = normalize(gappy_table(), **{PICK: ["num"], METHOD: "MinMax"})[OUT].frame
    pd.testing.assert_frame_equal(out.drop(columns="num"), frame.drop(columns="num"))


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1),
    ({PICK: ["city"]}, 17),
    ({PICK: ["flag"]}, 17),
    ({PICK: ColumnSelection.types("DateTime")}, 11),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code
