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


def test_delete_is_refused_while_a_draft_uses_the_data_set(workspace, tmp_path):
    (tmp_path / "birds.csv").write_text("a\n1\n")
    workspace.datasets.register(tmp_path / "birds.csv", "Birds")
    draft = workspace.drafts.create(Pipeline(name="Uses birds", nodes=[
        Node(component="dataset", params={"Dataset": "Birds"})]))
    with pytest.raises(DatasetError, match="Uses birds"):
        workspace.delete_dataset("Birds")
    workspace.drafts.delete(draft)
    assert workspace.delete_dataset("Birds") == 1
    assert "Birds" not in workspace.datasets.names()


def test_a_sample_is_refused_deletion_and_stays(workspace, tmp_path):
    with pytest.raises(DatasetError, match='"Palmer penguins" is a sample'):
        workspace.delete_dataset("Palmer penguins")
    with pytest.raises(DatasetError, match="is a sample"):
        workspace.delete_dataset("Palmer penguins", 1)  # its only version
    (tmp_path / "mine.csv").write_text("a\n1\n")
    workspace.datasets.register(tmp_path / "mine.csv", "Palmer penguins")
    assert workspace.delete_dataset("Palmer penguins", 2) == 1  # a version of the user's own goes
    assert [i.version for i in workspace.datasets.list() if i.name == "Palmer penguins"] == [1]


@pytest.mark.parametrize("name, fragment", [
    ("", "needs a name"), ("   ", "needs a name"), ("a/b", "may not contain"), ("..", "may not contain"),
    ("up/../down", "may not contain"), ("back\\slash", "may not contain"), ("tab\there", "control characters"),
    ("new\nline", "control characters"), ("nul\x00", "control characters"), (" padded", "starts or ends"),
    ("x" * 5000, "at most 200 characters"),
])
def test_a_bad_name_is_refused_at_registration(workspace, tmp_path, name, fragment):
    (tmp_path / "d.csv").write_text("a\n1\n")
    before = workspace.datasets.list()
    with pytest.raises(DatasetError, match=fragment) as error:
        workspace.datasets.register(tmp_path / "d.csv", name)
    assert "\n" not in str(error.value) and len(str(error.value)) < 300
    assert workspace.datasets.list() == before


def test_names_that_are_fine(workspace, tmp_path):
    (tmp_path / "d.csv").write_text("a\n1\n")
    for name in ("Sales 2024 (Q1)", "Prix €, été", "données-v1.2", "x" * 200):
        assert workspace.datasets.register(tmp_path / "d.csv", name).name == name
