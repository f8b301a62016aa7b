"""`designer datasets register` reading options: delimiter, header, encoding and missing-value markers, and what
it reports having found."""
from __future__ import annotations

import pandas as pd
import pytest

from engine.cli import main
from engine.datasets import DatasetError
from nodes.read_options import ReadOptions
from nodes.table import ColumnType

RAW = "symboling,price,doors\n3,13495,two\n1,?,four\n2,16500,?\n"


def test_question_marks_as_missing_make_a_numeric_column(workspace, tmp_path):
    (tmp_path / "raw.csv").write_text(RAW)
    info = workspace.datasets.register(tmp_path / "raw.csv", "raw", options=ReadOptions(missing=("?",)))
    assert info.schema["price"].type is ColumnType.DOUBLE
    pd.testing.assert_frame_equal(workspace.datasets.load_dataset("raw").frame,
                                  pd.read_csv(tmp_path / "raw.csv", na_values=["?"]))
    plain = workspace.datasets.register(tmp_path / "raw.csv", "plain")
    assert plain.schema["price"].type is ColumnType.STRING


def test_the_command_line_takes_the_options_and_says_what_it_found(tmp_path, capsys):
    (tmp_path / "raw.txt").write_bytes("José;1,5\nZoë;?\n".encode("cp1252"))
    code = main(["--workspace", str(tmp_path / "ws"), "datasets", "register", str(tmp_path / "raw.txt"),
                 "--name", "raw", "--no-header", "--delimiter", "semicolon", "--encoding", "cp1252",
                 "--missing", "?", "--missing", "-"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == ["Registered raw version 1: 2 rows, 2 columns",
                   "Read as CSV: delimiter ';', encoding cp1252, no header row (columns col1..colN), "
                   "missing values '?', '-'",
                   "  col1: String", "  col2: Double"]


def test_found_options_are_reported_when_none_are_given(workspace, tmp_path):
    (tmp_path / "semi.csv").write_bytes("a;b\n1;2\n".encode("latin-1"))
    info = workspace.datasets.register(tmp_path / "semi.csv", "semi")
    assert info.read_as == "CSV: delimiter ';', encoding utf-8, header row"
    (tmp_path / "latin.csv").write_bytes("a\nJosé\n".encode("latin-1"))
    assert workspace.datasets.register(tmp_path / "latin.csv", "latin").read_as.startswith(
        "CSV: delimiter ',', encoding latin-1")


@pytest.mark.parametrize(("options", "message"), [
    (ReadOptions(encoding="utf-8"), "latin.csv does not parse as CSV: 'utf-8' codec can't decode"),
    (ReadOptions(encoding="klingon"), 'unknown encoding "klingon"'),
    (ReadOptions(delimiter=";;"), "the delimiter ';;' is not one character"),
])
def test_a_wrong_option_is_refused_in_one_line_and_registers_nothing(workspace, tmp_path, options, message):
    (tmp_path / "latin.csv").write_bytes("a\nJosé\n".encode("latin-1"))
    with pytest.raises(DatasetError) as error:
        workspace.datasets.register(tmp_path / "latin.csv", "refused", options=options)
    assert str(error.value).startswith(message) and "\n" not in str(error.value)
    assert "refused" not in workspace.datasets.names()


def test_without_a_header_duplicate_looking_first_rows_are_data(workspace, tmp_path):
    (tmp_path / "d.tsv").write_text("1\t1\n2\t3\n")
    info = workspace.datasets.register(tmp_path / "d.tsv", "d", options=ReadOptions(header=False))
    assert info.row_count == 2 and info.schema.names == ["col1", "col2"]
