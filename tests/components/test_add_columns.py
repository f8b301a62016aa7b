import pandas as pd

from nodes.components.transformation.add_columns import COMPONENT
from nodes.context import RunContext
from nodes.table import Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked


def add(left: Table, right: Table) -> Table:
    return run_checked(COMPONENT, {"Left dataset": left, "Right dataset": right})["Combined dataset"]


def test_matches_pandas_concat_by_position():
    left = Table(pd.DataFrame({"a": [1, 2, 3]}, index=[10, 11, 12]), {"a": Role.LABEL})
    right = Table(pd.DataFrame({"b": ["x", None, "z"], "c": [0.5, 1.5, 2.5]}))
    out = add(left, right)
    expected = pd.concat([left.frame.reset_index(drop=True), right.frame], axis=1)
    pd.testing.assert_frame_equal(out.frame, expected)
    assert out.roles == {"a": Role.LABEL}


def test_duplicate_names_get_numeric_suffixes_and_one_label_stays():
    out = add(gappy_table(), gappy_table())
    names = list(gappy_frame().columns)
    assert list(out.frame.columns) == names + [f"{n}_1" for n in names]
    pd.testing.assert_series_equal(out.frame["num_1"], gappy_frame()["num"].rename("num_1"))
    assert out.roles == {"label": Role.LABEL}
    again = add(out, Table(gappy_frame()[["num"]]))
    assert list(again.frame.columns)[-1] == "num_2"


def test_empty_tables():
    empty = Table(gappy_frame().iloc[0:0])
    assert add(empty, empty).frame.shape == (0, 12)


def test_different_row_counts_are_error_0027():
    params = resolved(COMPONENT, {})
    inputs = {"Left dataset": gappy_table(), "Right dataset": Table(gappy_frame().head(3))}
    assert error_code(COMPONENT.run, RunContext(), inputs, params) == 27
