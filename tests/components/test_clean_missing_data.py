import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.impute import SimpleImputer

from nodes.components.scoring.apply_transformation import COMPONENT as APPLY
from nodes.components.transformation.clean_missing_data import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import Role, Table
from tests.components.transform_data import configure, error_code, gappy_frame, gappy_table, resolved, run_checked

MODE = "Cleaning mode"
PICK = "Columns to be cleaned"
CLEANED, TRANSFORM = "Cleaned dataset", "Cleaning transformation"


def clean(table: Table, **values) -> dict:
    return run_checked(COMPONENT, {"Dataset": table}, values)


def replay(transform, frame: pd.DataFrame) -> Table:
    return run_checked(APPLY, {"Transformation": transform, "Dataset": Table(frame, {"label": Role.LABEL})}, {})[
        "Transformed dataset"]


def new_frame() -> pd.DataFrame:
    frame = gappy_frame().iloc[::-1].reset_index(drop=True)
    frame.loc[0, "num"] = np.nan
    return frame


def test_custom_value_is_converted_to_each_type():
    frame = gappy_frame()
    out = clean(gappy_table())[CLEANED].frame
    pd.testing.assert_series_equal(out["num"], frame["num"].fillna(0.0))
    pd.testing.assert_series_equal(out["count"], frame["count"].fillna(0))
    pd.testing.assert_series_equal(out["city"], frame["city"].fillna("0"))
    pd.testing.assert_series_equal(out["kind"], frame["kind"].cat.add_categories(["0"]).fillna("0"))
    pd.testing.assert_series_equal(out["flag"], frame["flag"].fillna(False))
    pd.testing.assert_series_equal(out["label"], frame["label"])


@pytest.mark.parametrize(("mode", "strategy"), [("Replace with mean", "mean"), ("Replace with median", "median"),
                                                ("Replace with mode", "most_frequent")])
def test_statistics_match_simple_imputer_and_replay(mode, strategy):
    frame = gappy_frame()
    outputs = clean(gappy_table(), **{MODE: mode, PICK: ["num", "count"]})
    imputer = SimpleImputer(strategy=strategy).fit(frame[["num", "count"]].astype("float64"))
    out = outputs[CLEANED].frame
    assert np.allclose(out["num"], imputer.transform(frame[["num", "count"]].astype("float64"))[:, 0])
    assert out["count"].tolist() == frame["count"].fillna(round(imputer.statistics_[1])).tolist()
    assert out["count"].dtype == frame["count"].dtype

    fresh = new_frame()
    replayed = replay(outputs[TRANSFORM], fresh).frame
    pd.testing.assert_series_equal(replayed["num"], fresh["num"].fillna(imputer.statistics_[0]))
    pd.testing.assert_frame_equal(replayed.drop(columns=["num", "count"]), fresh.drop(columns=["num", "count"]))


def test_mode_of_strings_categories_and_booleans():
    frame = gappy_frame()
    out = clean(gappy_table(), **{MODE: "Replace with mode", PICK: ["city", "kind", "flag"]})[CLEANED].frame
    for name in ("city", "kind", "flag"):
        pd.testing.assert_series_equal(out[name], frame[name].fillna(frame[name].mode()[0]))
    mean = clean(gappy_table(), **{MODE: "Replace with mean", PICK: ["flag"]})[CLEANED].frame["flag"]
    assert mean.tolist() == frame["flag"].fillna(True).tolist()


def test_missing_ratio_bounds():
    frame = gappy_frame()
    frame.loc[[0, 1, 2], "num"] = np.nan  # num: 4 of 8 missing; count: 2 of 8
    table = Table(frame)
    out = clean(table, **{"Maximum missing value ratio": 0.3})[CLEANED].frame
    assert out["num"].isna().sum() == 4 and out["count"].isna().sum() == 0
    out = clean(table, **{"Minimum missing value ratio": 0.4})[CLEANED].frame
    assert out["num"].isna().sum() == 0 and out["count"].isna().sum() == 2


def test_indicator_columns():
    frame = gappy_frame()
    out = clean(gappy_table(), **{PICK: ["num", "city"], "Generate missing value indicator column": True})
    cleaned = out[CLEANED].frame
    assert list(cleaned.columns) == [*frame.columns, "num_isMissing", "city_isMissing"]
    assert cleaned["num_isMissing"].equals(frame["num"].isna())
    fresh = new_frame()
    assert replay(out[TRANSFORM], fresh).frame["num_isMissing"].equals(fresh["num"].isna())


def test_remove_entire_row_and_replay():
    frame = gappy_frame()
    out = clean(gappy_table(), **{MODE: "Remove entire row", PICK: ["num", "kind"]})
    expected = frame.dropna(subset=["num", "kind"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(out[CLEANED].frame, expected)
    fresh = new_frame()
    pd.testing.assert_frame_equal(replay(out[TRANSFORM], fresh).frame,
                                  fresh.dropna(subset=["num", "kind"]).reset_index(drop=True))


def test_remove_entire_column_has_unknown_design_schema():
    frame = gappy_frame()
    values = {MODE: "Remove entire column"}
    out = COMPONENT.run(RunContext(), {"Dataset": gappy_table()}, resolved(COMPONENT, values))
    pd.testing.assert_frame_equal(out[CLEANED].frame, frame[["label"]])
    assert out[TRANSFORM].schema.drops == ("num", "count", "city", "kind", "flag")
    assert configure(COMPONENT, {"Dataset": gappy_table().schema}, values) == {CLEANED: None, TRANSFORM: None}


@pytest.mark.parametrize(("choice", "kept"), [("Propagate", True), ("Remove", False)])
def test_columns_with_all_missing_values(choice, kept):
    table = Table(pd.DataFrame({"a": [1.0, np.nan, 3.0], "empty": [np.nan, np.nan, np.nan]}))
    values = {MODE: "Replace with mean", "Cols with all missing values": choice}
    out = COMPONENT.run(RunContext(), {"Dataset": table}, resolved(COMPONENT, values))[CLEANED].frame
    assert out["a"].tolist() == [1.0, 2.0, 3.0]
    assert ("empty" in out.columns) is kept


def test_transformation_pickles():
    transform = clean(gappy_table(), **{MODE: "Replace with median", PICK: ["num"]})[TRANSFORM]
    again = pickle.loads(pickle.dumps(transform))
    fresh = new_frame()
    pd.testing.assert_frame_equal(replay(again, fresh).frame, replay(transform, fresh).frame)


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1),
    ({MODE: "Replace with mean", PICK: ["city"]}, 17),
    ({MODE: "Replace with median", PICK: ["flag"]}, 17),
    ({"Replacement value": "abc", PICK: ["num"]}, 42),
    ({"Minimum missing value ratio": 0.6, "Maximum missing value ratio": 0.4}, 8),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code
