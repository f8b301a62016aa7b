"""Registering a CSV or TSV file bigger than a block streams it through Arrow into Parquet row groups, with the
strict reader's results (same columns, types and values), its errors, progress and cancellation."""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from engine.artifacts import ArtifactRef
from engine.cli import main
from engine.dataset_import import read_source
from engine.datasets import DatasetError
from nodes import csv_stream
from nodes.errors import Cancelled
from nodes.read_options import ReadOptions

ROWS = 6000


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    """Blocks and row groups of 64 KiB and types from the first 500 rows, so that a file of a few hundred KiB
    is read in several blocks, its types checked in the later ones."""
    monkeypatch.setattr(csv_stream, "HEAD_BYTES", 1 << 16)
    monkeypatch.setattr(csv_stream, "HEAD_ROWS", 500)
    monkeypatch.setattr(csv_stream, "BLOCK_BYTES", 1 << 16)
    monkeypatch.setattr(csv_stream, "ROW_GROUP_BYTES", 1 << 16)


def mixed(rows: int = ROWS) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"id": np.arange(rows), "x": rng.normal(size=rows).round(4),
                          "city": rng.choice(["Zürich", "Genève", "Bern", ""], size=rows),
                          "flag": rng.choice(["True", "False"], size=rows),
                          "late_gap": np.arange(rows).astype(str), "price": rng.integers(0, 99, rows).astype(str)})
    frame.loc[rows - 10, "late_gap"] = ""  # an integer column with a missing value only in the last block
    frame.loc[::7, "price"] = "?"
    return frame


def registered(workspace, path, name="d", **kwargs):
    info = workspace.datasets.register(path, name, **kwargs)
    return info, workspace.datasets.load_dataset(name).frame


def artifact(workspace, info) -> pq.ParquetFile:
    return pq.ParquetFile(workspace.artifacts.path(ArtifactRef(info.artifact, "table")))


def leftovers(workspace) -> list:
    return list((workspace.artifacts.root / "tmp").glob("*"))


@pytest.mark.parametrize("options", [ReadOptions(), ReadOptions(missing=("?",))], ids=["plain", "missing ?"])
def test_a_big_csv_is_streamed_in_row_groups_with_the_strict_readers_result(workspace, tmp_path, options):
    path = tmp_path / "big.csv"
    mixed().to_csv(path, index=False)
    info, frame = registered(workspace, path, options=options)
    strict = read_source(path, options)
    pd.testing.assert_frame_equal(frame, strict.table.frame)
    assert info.schema == strict.table.schema and info.row_count == ROWS
    assert [str(t) for t in frame.dtypes] == ["int64", "float64", "str", "bool", "float64",
                                              "float64" if options.missing else "str"]
    assert artifact(workspace, info).num_row_groups > 1
    assert workspace.artifacts.verify(ArtifactRef(info.artifact, "table"))
    assert info.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert info.read_as == f"CSV: {strict.options.describe()}"
    assert not leftovers(workspace)


def test_no_header_latin1_tsv_streams_like_the_strict_reader(workspace, tmp_path):
    path = tmp_path / "big.tsv"
    mixed().to_csv(path, sep="\t", index=False, header=False, encoding="latin-1")
    options = ReadOptions(header=False)
    info, frame = registered(workspace, path, options=options)
    pd.testing.assert_frame_equal(frame, read_source(path, options).table.frame)
    assert info.schema.names == [f"col{i}" for i in range(1, 7)] and "encoding latin-1" in info.read_as
    assert artifact(workspace, info).num_row_groups > 1


def test_quoted_separators_quotes_and_newlines_stream_as_values(workspace, tmp_path):
    path = tmp_path / "quoted.csv"
    frame = mixed()
    frame["city"] = frame["city"].where(frame.index % 3 > 0, 'two\nlines, "quoted"')
    frame.to_csv(path, index=False)
    info, registered_frame = registered(workspace, path)
    pd.testing.assert_frame_equal(registered_frame, read_source(path).table.frame)
    assert registered_frame["city"].iloc[0] == 'two\nlines, "quoted"'
    assert artifact(workspace, info).num_row_groups > 1


@pytest.mark.parametrize("change", ["text in an integer column", "a short row", "decimal commas"])
def test_what_streaming_cannot_read_identically_is_read_by_the_strict_reader(workspace, tmp_path, change):
    frame = mixed()
    path = tmp_path / "big.csv"
    if change == "text in an integer column":
        frame["id"] = frame["id"].astype(str)
        frame.loc[ROWS - 1, "id"] = "n/a yet"
        frame.to_csv(path, index=False)
    elif change == "a short row":
        frame.to_csv(path, index=False)
        with open(path, "a") as f:
            f.write("1,2,Bern,True,5\n")  # no price: missing, as pandas reads it
    else:
        frame.to_csv(path, sep=";", decimal=",", index=False)
    info, registered_frame = registered(workspace, path)
    pd.testing.assert_frame_equal(registered_frame, read_source(path).table.frame)
    assert info.row_count == len(registered_frame) and not leftovers(workspace)


def test_a_longer_row_late_in_the_file_is_refused_by_its_line(workspace, tmp_path):
    path = tmp_path / "ragged.csv"
    mixed().to_csv(path, index=False)
    with open(path, "a") as f:
        f.write("1,2,3,4,5,6,7\n")
    before = workspace.datasets.names()
    with pytest.raises(DatasetError) as error:
        workspace.datasets.register(path, "ragged")
    assert str(error.value) == f"ragged.csv does not parse as CSV: line {ROWS + 2} has 7 fields, the header 6"
    assert workspace.datasets.names() == before and not leftovers(workspace)


def test_duplicate_header_names_are_refused(workspace, tmp_path):
    path = tmp_path / "twice.csv"
    mixed().rename(columns={"x": "id"}).to_csv(path, index=False)
    with pytest.raises(DatasetError, match="^twice.csv has duplicate column names: 'id'$"):
        workspace.datasets.register(path, "twice")


def test_progress_reaches_the_size_of_the_file(workspace, tmp_path):
    path = tmp_path / "big.csv"
    mixed().to_csv(path, index=False)
    seen = []
    workspace.datasets.register(path, "d", progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert len(seen) > 2 and seen[-1] == (size, size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.parametrize("name", ["big.csv", "small.csv"])
def test_cancelling_leaves_nothing_registered_and_no_file_behind(workspace, tmp_path, name):
    path = tmp_path / name
    mixed(ROWS if name == "big.csv" else 10).to_csv(path, index=False)
    before = workspace.datasets.names(), sorted(p for p in workspace.artifacts.root.rglob("*") if p.is_file())
    seen = []
    with pytest.raises(Cancelled):
        workspace.datasets.register(path, "d", progress=lambda done, total: seen.append(done),
                                    cancelled=lambda: bool(seen) or name == "small.csv")
    assert (workspace.datasets.names(), sorted(p for p in workspace.artifacts.root.rglob("*") if p.is_file())) == before


def test_the_command_line_shows_progress_for_big_files(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("engine.cli._datasets.PROGRESS_BYTES", 1 << 16)
    path = tmp_path / "big.csv"
    mixed().to_csv(path, index=False)
    assert main(["--workspace", str(tmp_path / "ws"), "datasets", "register", str(path), "--name", "big"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"Registered big version 1: {ROWS} rows, 6 columns")
    assert [line for line in captured.err.splitlines() if "100%" in line] == [captured.err.splitlines()[-1]]


def test_ctrl_c_on_the_command_line_leaves_nothing_registered(tmp_path, capsys, monkeypatch):
    def interrupt(self, done, total):
        raise KeyboardInterrupt  # as Python raises it where Ctrl+C finds the command: between two blocks

    monkeypatch.setattr("engine.cli._datasets.PROGRESS_BYTES", 1 << 16)
    monkeypatch.setattr("engine.cli._datasets.StderrProgress.__call__", interrupt)
    path = tmp_path / "big.csv"
    mixed().to_csv(path, index=False)
    workspace = tmp_path / "ws"
    assert main(["--workspace", str(workspace), "datasets", "register", str(path), "--name", "big"]) == 130
    assert capsys.readouterr().err.splitlines() == ["designer: interrupted"]
    assert main(["--workspace", str(workspace), "datasets", "list", "--json"]) == 0
    assert '"big"' not in capsys.readouterr().out
    assert not list((workspace / "artifacts" / "tmp").glob("*"))
