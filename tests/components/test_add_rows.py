import numpy as np
import pandas as pd
import pytest

from nodes.components.transformation.add_rows import COMPONENT
from nodes.context import RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import configure, error_code, gappy_frame, gappy_table, resolved, run_checked


def add(first: Table, second: Table) -> Table:
    return run_checked(COMPONENT, {"Dataset1": first, "Dataset2": second})["Results dataset"]


def test_matches_pandas_concat_and_keeps_roles():
    out = add(gappy_table(), gappy_table())
    expected = pd.concat([gappy_frame(), gappy_frame()], ignore_index=True)
    expected["kind"] = expected["kind"].astype("category")
    pd.testing.assert_frame_equal(out.frame, expected)
    assert out.roles == {"label": Role.LABEL}


def test_integer_and_double_meet_as_double_and_categories_merge():
    first = Table(pd.DataFrame({"x": [1, 2], "c": pd.Series(["a", "b"], dtype="category")}))
    second = Table(pd.DataFrame({"x": [0.5, np.nan], "c": pd.Series(["z", None], dtype="category")}))
    out = add(first, second)
    assert out.schema["x"].type is ColumnType.DOUBLE and out.frame["x"].tolist()[:3] == [1.0, 2.0, 0.5]
    assert out.schema["c"].categorical and set(out.frame["c"].cat.categories) == {"a", "b", "z"}


def test_empty_and_all_missing_inputs():
    empty = Table(gappy_frame().iloc[0:0])
    assert len(add(empty, gappy_table()).frame) == 8
    gaps = Table(pd.DataFrame({"x": [np.nan, np.nan]}))
    assert add(gaps, Table(pd.DataFrame({"x": [1.0]}))).frame["x"].isna().sum() == 2


def test_non_utf8_text_passes_through():
    odd = b"caf\xe9 \xb5".decode("latin-1")  # text read from a Latin-1 file
    out = add(Table(pd.DataFrame({"s": ["a"]})), Table(pd.DataFrame({"s": [odd]})))
    assert out.frame["s"].tolist() == ["a", odd]


@pytest.mark.parametrize(("second", "code"), [
    (pd.DataFrame({"x": [1.0], "other": [2]}), 10),
    (pd.DataFrame({"x": [1.0]}), 10),
    (pd.DataFrame({"y": [1.0], "x": ["a"]}), 10),
    (pd.DataFrame({"x": ["text"], "y": [1]}), 16),
])
def test_errors(second, code):
    first = Table(pd.DataFrame({"x": [1.0], "y": [1]}))
    values = resolved(COMPONENT, {})
    assert error_code(COMPONENT.run, RunContext(), {"Dataset1": first, "Dataset2": Table(second)}, values) == code
    assert error_code(configure, COMPONENT, {"Dataset1": first.schema, "Dataset2": Table(second).schema}) == code


def test_unknown_input_schema():
    assert configure(COMPONENT, {"Dataset1": None, "Dataset2": gappy_table().schema}) == {"Results dataset": None}
