"""Convert to Dataset: None passes through, SetMissingValues and ReplaceValues agree with pandas' replace and
fillna, and text columns that become all numbers become numeric."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from nodes.components.data_io.convert_to_dataset import COMPONENT
from nodes.errors import ComponentError
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import configure, gappy_table, run, run_checked

OUTPUT = "Results dataset"


def raw() -> Table:
    return Table(pd.DataFrame({"price": ["13495", "?", "16500"], "doors": ["two", "?", "four"],
                               "size": [1.5, -1.0, 2.0], "count": [3, 4, -1], "label": [0, 1, 0]}),
                 {"label": Role.LABEL})


def convert(table: Table, **values) -> Table:
    return run(COMPONENT, {"Dataset": table}, values)[OUTPUT]


def test_none_passes_the_data_set_through():
    table = gappy_table()
    assert run_checked(COMPONENT, {"Dataset": table}, {})[OUTPUT] is table


def test_set_missing_values_matches_pandas_replace_and_makes_numbers_numeric():
    table = raw()
    out = convert(table, Action="SetMissingValues")
    expected = table.frame.replace("?", np.nan)
    pd.testing.assert_series_equal(out.frame["price"], pd.to_numeric(expected["price"]).astype("Int64"))
    pd.testing.assert_series_equal(out.frame["doors"], expected["doors"])
    assert out.schema["price"].type is ColumnType.INTEGER and out.roles == {"label": Role.LABEL}


def test_a_numeric_marker_is_compared_as_a_number_and_integers_stay_integers():
    out = convert(raw(), Action="SetMissingValues", **{"Custom Missing Value": "-1"})
    assert out.frame["size"].isna().tolist() == [False, True, False]
    assert out.frame["count"].tolist()[:2] == [3, 4] and pd.isna(out.frame["count"][2])
    assert out.schema["count"].type is ColumnType.INTEGER and out.frame["doors"].tolist() == ["two", "?", "four"]


def test_replace_missing_matches_fillna_with_the_value_of_each_type():
    table = gappy_table()
    out = convert(table, Action="ReplaceValues", **{"New Value": "1"}).frame
    frame = table.frame
    pd.testing.assert_series_equal(out["num"], frame["num"].fillna(1.0))
    pd.testing.assert_series_equal(out["count"], frame["count"].fillna(1))
    pd.testing.assert_series_equal(out["flag"], frame["flag"].fillna(True))
    pd.testing.assert_series_equal(out["kind"], frame["kind"].cat.add_categories(["1"]).fillna("1"))
    assert out["city"].tolist() == frame["city"].fillna("1").tolist()


def test_replace_a_custom_value():
    out = convert(raw(), Action="ReplaceValues", Replace="Custom", **{"Custom Value": "?", "New Value": "0"}).frame
    assert out["price"].tolist() == [13495, 0, 16500] and out["price"].dtype == "int64"
    assert out["doors"].tolist() == ["two", "0", "four"]


def test_a_new_value_that_does_not_fit_a_column_with_gaps_is_error_0042():
    with pytest.raises(ComponentError) as caught:
        convert(gappy_table(), Action="ReplaceValues", **{"New Value": "many"})
    assert (caught.value.code, caught.value.column) == (42, "num")


def test_schemas_known_at_design_time_unless_text_may_turn_numeric():
    schema = gappy_table().schema
    assert configure(COMPONENT, {"Dataset": schema}, {})[OUTPUT] == schema
    assert configure(COMPONENT, {"Dataset": schema}, {"Action": "SetMissingValues"})[OUTPUT] is None
    numeric = Table(gappy_table().frame[["num", "count"]])
    run_checked(COMPONENT, {"Dataset": numeric}, {"Action": "SetMissingValues", "Custom Missing Value": "3"})


def test_an_all_missing_column_and_an_empty_table():
    frame = pd.DataFrame({"gone": [None, None], "x": ["?", "2"]})
    out = convert(Table(frame), Action="SetMissingValues").frame
    assert out["gone"].isna().all() and out["x"].isna().tolist() == [True, False] and out["x"].dtype == "Int64"
    assert convert(Table(frame.iloc[0:0]), Action="ReplaceValues").frame.shape == (0, 2)
