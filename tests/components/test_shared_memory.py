"""Selection, row filters and splits copy no more than they must: columns are shared under copy-on-write where no
row goes, and the rows that stay are copied once, renumbered."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from nodes.context import RunContext
from nodes.registry import default_registry
from nodes.table import Table

NOT_NAME = {"isFilter": True, "rules": [{"ruleType": "AllColumns", "exclude": False},
                                        {"ruleType": "ColumnNames", "exclude": True, "columns": ["name"]}]}


def from_parquet(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as a step receives it from an artifact: through Arrow, numbers consolidated into blocks."""
    return pa.Table.from_pandas(frame, preserve_index=False).to_pandas()


def run(component: str, params: dict, frame: pd.DataFrame) -> dict:
    comp = default_registry()[component]
    resolved, problems = comp.resolve_params(params)
    assert not problems
    return comp.run(RunContext(), {"Dataset": Table(frame)}, resolved)


def shares(a: pd.Series, b: pd.Series) -> bool:
    return np.shares_memory(a.to_numpy(), b.to_numpy())


FRAME = from_parquet(pd.DataFrame({"name": ["a", "b", "c", "d"], "x": [1.0, 2.0, 3.0, 4.0],
                                   "y": [4.0, 3.0, 2.0, 1.0]}))


def test_select_columns_shares_the_columns_it_keeps():
    out = run("select_columns", {"Select Columns": NOT_NAME}, FRAME)["Results dataset"].frame
    assert list(out.columns) == ["x", "y"] and shares(out["x"], FRAME["x"])


def test_removing_rows_with_nothing_missing_shares_every_column():
    out = run("clean_missing_data", {"Cleaning mode": "Remove entire row"}, FRAME)["Cleaned dataset"].frame
    pd.testing.assert_frame_equal(out, FRAME)
    assert all(shares(out[name], FRAME[name]) for name in ("x", "y"))


def test_removing_rows_keeps_the_complete_ones_renumbered_and_leaves_the_input_alone():
    frame = from_parquet(pd.DataFrame({"x": [1.0, np.nan, 3.0, 4.0], "y": [4.0, 3.0, np.nan, 1.0],
                                       "z": ["p", "q", "r", None]}))
    before = frame.copy()
    out = run("clean_missing_data", {"Cleaning mode": "Remove entire row"}, frame)["Cleaned dataset"].frame
    assert out["x"].tolist() == [1.0] and out["y"].tolist() == [4.0] and out.index.tolist() == [0]
    pd.testing.assert_frame_equal(frame, before)
