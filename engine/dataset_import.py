"""Reading a file to register it as a data set: CSV and TSV streamed through Arrow into Parquet, Parquet (or a text
file streaming cannot read identically) read whole. Apart from `engine.datasets` so that listing data sets imports
no pandas."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from engine.artifacts import ArtifactRef, ArtifactStore, Written, file_sha256
from engine.datasets import DatasetError
from engine.disk_full import told_when_full
from nodes.csv_stream import HashingSink, NotStreamable, Progress, stream_csv
from nodes.errors import Cancelled
from nodes.read_options import DEFAULT_OPTIONS, FORMATS, TEXT_FORMATS, ReadError, ReadOptions, format_of
from nodes.reading import Read, read_file
from nodes.schema import TableSchema
from nodes.table import Table

REGISTERED_FORMATS = ("CSV", "TSV", "Parquet")
REGISTERED_SUFFIXES = frozenset(suffix for name in REGISTERED_FORMATS for suffix in FORMATS[name])


def read_source(path: Path, options: ReadOptions = DEFAULT_OPTIONS, rows: int | None = None) -> Read:
    """A CSV, TSV or Parquet file as a table (its first `rows` rows if given: a preview), with what was found
    (delimiter, encoding); a file that does not parse raises DatasetError saying where, in one line."""
    try:
        return read_file(Path(path), options, formats=REGISTERED_FORMATS, rows=rows)
    except ReadError as error:
        raise DatasetError(str(error)) from None


@dataclass(frozen=True)
class Imported:
    """A file written into the artifacts folder as a table and recorded, with what registering records."""

    artifact: ArtifactRef
    schema: TableSchema
    row_count: int
    source_sha256: str
    read_as: str  # how the file was read ("CSV: delimiter ',', encoding utf-8, ...")


def import_file(artifacts: ArtifactStore, path: Path, options: ReadOptions | None, progress: Progress | None,
                cancelled: Callable[[], bool] | None) -> Imported:
    """Write a file into the artifacts folder as a table (read with `options`, None: the defaults) and record it: a
    CSV or TSV file streamed through Arrow, else (Parquet, or a file streaming cannot read identically) read whole
    by the strict reader."""
    options = options or DEFAULT_OPTIONS
    try:
        options.check()
        file_format = format_of(path, REGISTERED_FORMATS)
        if file_format in TEXT_FORMATS and path.is_file():
            return _stream(artifacts, path, file_format, options, progress, cancelled)
    except ReadError as error:
        raise DatasetError(str(error)) from None
    except (NotStreamable, ValueError):  # a ValueError: an empty file, say; the strict reader says what
        pass
    read = read_source(path, options)
    if cancelled is not None and cancelled():
        raise Cancelled("registration cancelled")
    ref = artifacts.put(read.table)
    if progress is not None:
        progress(size := path.stat().st_size, size)
    return Imported(ref, read.table.schema, len(read.table.frame), file_sha256(path),
                    f"{read.format}: {read.options.describe()}")


def _stream(artifacts: ArtifactStore, path: Path, file_format: str, options: ReadOptions,
            progress: Progress | None, cancelled: Callable[[], bool] | None) -> Imported:
    """Stream the file into a temporary Parquet file, hashed as it is written, then rename it under its hash and
    record it."""
    fd, temporary = artifacts.files.temporary()
    try:
        with told_when_full(artifacts.root.parent), os.fdopen(fd, "wb") as file:
            sink = HashingSink(file)
            streamed = stream_csv(path, options, None if file_format == "CSV" else "\t", sink, progress,
                                  cancelled)
        ref = ArtifactRef(sink.digest.hexdigest(), "table")
        artifacts.path(ref).parent.mkdir(parents=True, exist_ok=True)
        os.replace(temporary, artifacts.path(ref))
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    artifacts.record(Written(ref, sink.size))
    empty = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in streamed.dtypes.items()})
    return Imported(ref, Table(empty).schema, streamed.row_count, streamed.source_sha256,
                    f"{file_format}: {streamed.options.describe()}")
