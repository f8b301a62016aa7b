import pandas as pd
import pytest

from nodes.components.transformation.edit_metadata import COMPONENT
from nodes.context import RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_table, resolved, run_checked

OUT = "Results dataset"


def edit(table: Table, **values) -> Table:
    return run_checked(COMPONENT, {"Dataset": table}, values)[OUT]


def test_new_label_replaces_the_old_one():
    out = edit(gappy_table(), Column=["city"], Fields="Labels")
    assert out.roles == {"city": Role.LABEL}
    assert out.frame.equals(gappy_table().frame)


def test_roles_set_and_cleared():
    weighted = edit(gappy_table(), Column=["num"], Fields="Weights")
    assert weighted.roles == {"label": Role.LABEL, "num": Role.WEIGHT}
    assert edit(weighted, Column=["num", "label"], Fields="ClearWeights").roles == {"label": Role.LABEL}
    assert edit(weighted, Column=["label"], Fields="ClearLabels").roles == {"num": Role.WEIGHT}
    assert edit(weighted, Column=["num"], Fields="Features").roles == {"label": Role.LABEL}


def test_types_categorical_and_names():
    table = gappy_table()
    out = edit(table, Column=["count", "label"], **{"Data type": "Double", "Categorical": "Categorical",
                                                     "New column names": "Count, Target"})
    assert list(out.frame.columns) == ["num", "Count", "city", "kind", "flag", "Target"]
    assert out.roles == {"Target": Role.LABEL}
    assert isinstance(out.frame["Count"].dtype, pd.CategoricalDtype)
    expected = table.frame["count"].astype("float64").astype("category")
    assert out.frame["Count"].astype("float64").equals(expected.astype("float64"))
    assert out.schema["Count"].type is ColumnType.DOUBLE and out.schema["Count"].categorical

    plain = edit(table, Column=["kind"], Categorical="NonCategorical")
    assert plain.frame["kind"].astype(object).equals(table.frame["kind"].astype(object))
    assert not plain.schema["kind"].categorical


@pytest.mark.parametrize(("column", "to", "expected"), [
    ("num", "String", pd.Series(["1.0", None, "3.0", "4.0", None, "10.0", "2.0", "7.0"]).astype("str")),
    ("label", "Boolean", pd.Series([False, True, False, True, True, False, True, False])),
    ("count", "String", pd.Series(["3", "1", None, "4", "4", "8", None, "2"]).astype("str")),
    ("label", "Integer", pd.Series([0, 1, 0, 1, 1, 0, 1, 0])),
])
def test_conversions_match_pandas(column, to, expected):
    out = edit(gappy_table(), Column=[column], **{"Data type": to})
    pd.testing.assert_series_equal(out.frame[column], expected, check_names=False)
    assert out.schema[column].type is ColumnType(to)


def test_string_dates_convert():
    table = Table(pd.DataFrame({"when": ["2024-01-02", None, "2024-03-04"], "span": ["1 days", "2 hours", None]}))
    out = edit(table, Column=["when"], **{"Data type": "DateTime"})
    pd.testing.assert_series_equal(out.frame["when"], pd.to_datetime(table.frame["when"]))
    spans = edit(table, Column=["span"], **{"Data type": "TimeSpan"})
    pd.testing.assert_series_equal(spans.frame["span"], pd.to_timedelta(table.frame["span"]))


def test_errors():
    table = gappy_table()
    inputs = {"Dataset": table}
    run = COMPONENT.run
    assert error_code(run, RunContext(), inputs, resolved(COMPONENT, {"Column": ["nope"]})) == 1
    failed = resolved(COMPONENT, {"Column": ["city"], "Data type": "Double"})
    assert error_code(run, RunContext(), inputs, failed) == 42
    mismatch = resolved(COMPONENT, {"Column": ["num", "city"], "New column names": "a"})
    assert error_code(run, RunContext(), inputs, mismatch) == 27
    clash = resolved(COMPONENT, {"Column": ["num"], "New column names": "city"})
    assert error_code(run, RunContext(), inputs, clash) == 28
    two_labels = resolved(COMPONENT, {"Column": ["num", "city"], "Fields": "Labels"})
    assert error_code(run, RunContext(), inputs, two_labels) == 22
    with pytest.raises(Exception) as caught:
        run(RunContext(), inputs, failed)
    assert caught.value.column == "city"
