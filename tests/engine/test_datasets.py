"""Registering data sets: CSV, TSV and Parquet, versions, bad files, and deletion while in use."""
from __future__ import annotations

import pandas as pd
import pytest

from engine.datasets import DatasetError
from engine.pipeline import Node, Pipeline
from nodes.table import ColumnType


def test_register_csv_tsv_and_parquet(workspace, tmp_path):
    frame = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", None], "c": [0.5, None, 1.5]})
    frame.to_csv(tmp_path / "d.csv", index=False)
    frame.to_csv(tmp_path / "d.tsv", index=False, sep="\t")
    frame.to_parquet(tmp_path / "d.parquet")
    for suffix in ("csv", "tsv", "parquet"):
        info = workspace.datasets.register(tmp_path / f"d.{suffix}", f"data {suffix}")
        assert (info.version, info.row_count) == (1, 3)
        assert [(c.name, c.type) for c in info.schema.columns] == [
            ("a", ColumnType.INTEGER), ("b", ColumnType.STRING), ("c", ColumnType.DOUBLE)]
        loaded = workspace.datasets.load_dataset(f"data {suffix}").frame
        pd.testing.assert_frame_equal(loaded, frame, check_dtype=False)


def test_new_versions_of_a_name(workspace, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("a\n1\n")
    workspace.datasets.register(path, "grows")
    path.write_text("a\n1\n2\n")
    info = workspace.datasets.register(path, "grows")
    assert info.version == 2
    assert workspace.datasets.get("grows").row_count == 2
    assert workspace.datasets.get("grows", 1).row_count == 1
    assert workspace.datasets.dataset_key("grows", 1) != workspace.datasets.dataset_key("grows")


@pytest.mark.parametrize("name, content, fragment", [
    ("bad.csv", 'a,b\n1,"unterminated\n', "does not parse as CSV"),
    ("bad.csv", "", "does not parse as CSV"),
    ("bad.csv", "a,b\n1,2,3,4\n", "does not parse as CSV"),
    ("bad.parquet", "not parquet at all", "does not parse as PARQUET"),
    ("bad.xlsx", "whatever", "unsupported file type .xlsx"),
])
def test_a_file_that_does_not_parse_gets_a_clear_message_and_changes_nothing(workspace, tmp_path, name, content,
                                                                              fragment):
    path = tmp_path / name
    path.write_text(content)
    before = workspace.datasets.list()
    with pytest.raises(DatasetError, match=fragment) as error:
        workspace.datasets.register(path, "broken")
    assert name in str(error.value)
    assert workspace.datasets.list() == before


def test_a_missing_file(workspace, tmp_path):
    with pytest.raises(DatasetError, match="no such file"):
        workspace.datasets.register(tmp_path / "nope.csv", "x")


def test_delete_is_refused_while_a_draft_uses_the_data_set(workspace):
    draft = workspace.drafts.create(Pipeline(name="Uses penguins", nodes=[
        Node(component="dataset", params={"Dataset": "Palmer penguins"})]))
    with pytest.raises(DatasetError, match="Uses penguins"):
        workspace.delete_dataset("Palmer penguins")
    workspace.drafts.delete(draft)
    assert workspace.delete_dataset("Palmer penguins") == 1
    assert "Palmer penguins" not in workspace.datasets.names()
