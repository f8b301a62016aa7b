import numpy as np
import pandas as pd
import pytest

from nodes.columns import ColumnSelection
from nodes.components.transformation.remove_duplicate_rows import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked

KEYS = "Key column selection filter expression"


def dedupe(table: Table, **values) -> Table:
    return run_checked(COMPONENT, {"Dataset": table}, values)["Results dataset"]


@pytest.mark.parametrize(("first", "keep"), [(True, "first"), (False, "last")])
@pytest.mark.parametrize("keys", [["city"], ["kind", "label"], ["num"]])
def test_matches_drop_duplicates(keys, first, keep):
    out = dedupe(gappy_table(), **{KEYS: keys, "Retain first duplicate row": first})
    expected = gappy_frame().drop_duplicates(subset=keys, keep=keep).reset_index(drop=True)
    pd.testing.assert_frame_equal(out.frame, expected)
    assert out.roles == {"label": Role.LABEL}


def test_missing_values_count_as_equal_and_all_missing_column():
    table = Table(pd.DataFrame({"gap": [np.nan] * 3, "x": [1, 2, 3]}))
    assert dedupe(table, **{KEYS: ["gap"]}).frame["x"].tolist() == [1]


def test_empty_table():
    assert dedupe(Table(gappy_frame().iloc[0:0]), **{KEYS: ["city"]}).frame.empty


@pytest.mark.parametrize(("keys", "code"), [(["nope"], 1), (ColumnSelection.types("DateTime"), 11)])
def test_errors(keys, code):
    params = resolved(COMPONENT, {KEYS: keys})
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code
