import numpy as np
import pandas as pd
import pytest

from nodes.columns import ColumnSelection
from nodes.components.transformation.join_data import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_table, resolved, run_checked

L, R = "Join key columns for L", "Join key columns for R"
TYPE = "Join type"


def people() -> Table:
    return Table(pd.DataFrame({"id": [1, 2, 3, 4, None], "city": ["Oslo", "rome", "Lima", "Oslo", "Nuuk"],
                               "age": [30, 41, 25, 60, 33]}).astype({"id": "Int64"}), {"age": Role.LABEL})


def cities() -> Table:
    return Table(pd.DataFrame({"name": ["Oslo", "Rome", "Paris", None], "pop": [0.7, 2.8, 2.1, 9.9],
                               "id": [1.0, 2.0, 7.0, np.nan]}))


def join(left: Table, right: Table, **values) -> Table:
    return run_checked(COMPONENT, {"Dataset1": left, "Dataset2": right}, values)["Results dataset"]


@pytest.mark.parametrize(("kind", "how"), [("Inner Join", "inner"), ("Left Outer Join", "left"),
                                           ("Full Outer Join", "outer")])
def test_matches_pandas_merge(kind, how):
    out = join(people(), cities(), **{L: ["city"], R: ["name"], TYPE: kind})
    right = cities().frame.rename(columns={"id": "id_1"})
    expected = people().frame.merge(right.dropna(subset=["name"]), left_on="city", right_on="name", how=how)
    if how == "outer":  # right rows with a missing key match nothing and come last
        expected = pd.concat([expected, right[right["name"].isna()]], ignore_index=True)
    got = out.frame.sort_values(["city", "name"], ignore_index=True)
    want = expected[list(out.frame.columns)].sort_values(["city", "name"], ignore_index=True)
    assert got.astype(object).where(got.notna(), None).values.tolist() == \
        want.astype(object).where(want.notna(), None).values.tolist()
    assert list(out.frame.columns) == ["id", "city", "age", "name", "pop", "id_1"]
    assert out.roles == {"age": Role.LABEL}
    assert out.schema["age"].type is ColumnType.INTEGER


def test_inner_join_keeps_left_order_and_duplicates_rows_per_match():
    right = Table(pd.DataFrame({"name": ["Oslo", "Oslo"], "tag": ["a", "b"]}))
    out = join(people(), right, **{L: ["city"], R: ["name"]})
    assert out.frame[["age", "tag"]].values.tolist() == [[30, "a"], [30, "b"], [60, "a"], [60, "b"]]


def test_match_case_off_and_integer_with_double_keys():
    out = join(people(), cities(), **{L: ["city"], R: ["name"], "Match case": False})
    assert sorted(out.frame["city"]) == ["Oslo", "Oslo", "rome"]
    by_id = join(people(), cities(), **{L: ["id"], R: ["id"]})
    assert by_id.frame["id"].tolist() == [1, 2]  # the missing id matches nothing, not the right's missing id


def test_two_keys_and_dropping_the_right_keys():
    right = Table(cities().frame[["id", "name", "pop"]])  # keys pair up in each data set's column order
    out = join(people(), right, **{L: ["id", "city"], R: ["id", "name"], "Keep right key columns in joined table": False})
    assert list(out.frame.columns) == ["id", "city", "age", "pop"] and out.frame["pop"].tolist() == [0.7]


def test_left_semi_join():
    out = join(people(), cities(), **{L: ["city"], R: ["name"], TYPE: "Left Semi-Join"})
    left = people().frame
    pd.testing.assert_frame_equal(out.frame, left[left["city"].isin(cities().frame["name"])].reset_index(drop=True))
    assert out.roles == {"age": Role.LABEL}


def test_same_table_joined_to_itself_gets_suffixed_names():
    out = join(gappy_table(), gappy_table(), **{L: ["label"], R: ["label"]})
    assert list(out.frame.columns)[:8] == ["num", "count", "city", "kind", "flag", "label", "num_1", "count_1"]
    assert out.roles == {"label": Role.LABEL}
    assert len(out.frame) == 32  # 4 x 4 per label value


def test_empty_and_all_missing_keys():
    empty = Table(people().frame.iloc[0:0], {"age": Role.LABEL})
    assert join(empty, cities(), **{L: ["city"], R: ["name"]}).frame.empty
    gaps = Table(pd.DataFrame({"k": [np.nan, np.nan], "v": [1, 2]}))
    assert join(gaps, gaps, **{L: ["k"], R: ["k"]}).frame.empty
    outer = join(gaps, gaps, **{L: ["k"], R: ["k"], TYPE: "Full Outer Join"})
    assert len(outer.frame) == 4


def test_non_ascii_keys():
    text = b"Z\xfcrich".decode("latin-1")
    left = Table(pd.DataFrame({"c": [text, "Bern"]}))
    right = Table(pd.DataFrame({"c": [text.upper()], "n": [1]}))
    assert join(left, right, **{L: ["c"], R: ["c"], "Match case": False}).frame["n"].tolist() == [1]


@pytest.mark.parametrize(("values", "code"), [
    ({L: ["nope"], R: ["name"]}, 1),
    ({L: ["city"], R: ColumnSelection.types("DateTime")}, 11),
    ({L: ColumnSelection.types("DateTime"), R: ["name"]}, 11),
    ({L: ["city", "id"], R: ["name"]}, 22),
    ({L: ["city"], R: ["pop"]}, 154),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    schemas = {"Dataset1": people().schema, "Dataset2": cities().schema}
    assert error_code(COMPONENT.configure, DesignContext(), schemas, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset1": people(), "Dataset2": cities()}, params) == code
