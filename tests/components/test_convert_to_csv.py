"""Convert to CSV: every value as pandas writes it to CSV, missing values missing, roles and categories gone."""
from __future__ import annotations

import io

import pandas as pd

from nodes.components.data_io.convert_to_csv import COMPONENT
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import gappy_table, run_checked

OUTPUT = "Results dataset"


def test_values_are_the_csv_text_pandas_writes():
    table = gappy_table()
    out = run_checked(COMPONENT, {"Dataset": table}, {})[OUTPUT]
    expected = pd.read_csv(io.StringIO(table.frame.to_csv(index=False)), dtype="str", keep_default_na=False,
                           na_values=[""])
    pd.testing.assert_frame_equal(out.frame, expected)
    assert {c.type for c in out.schema.columns} == {ColumnType.STRING} and out.roles == {}
    assert out.frame["num"][0] == "1.0" and pd.isna(out.frame["num"][1])


def test_awkward_names_and_empty_tables_stay_as_they_were():
    frame = pd.DataFrame({"Unnamed: 0": [1], "a,b": ["x"]})
    assert list(run_checked(COMPONENT, {"Dataset": Table(frame)}, {})[OUTPUT].frame.columns) == ["Unnamed: 0", "a,b"]
    empty = run_checked(COMPONENT, {"Dataset": Table(frame.iloc[0:0], {"a,b": Role.LABEL})}, {})[OUTPUT]
    assert empty.frame.shape == (0, 2)
