"""Registered data sets: versioned, with schema, row count and content hash; the catalog source nodes read
(registered models and transformations included)."""
from __future__ import annotations

import json
import os
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from engine.artifacts import ArtifactRef, ArtifactStore, Written, file_sha256
from engine.assets import asset_entries
from engine.dataset_snapshot import DatasetSnapshot, SnapshotEntry
from engine.disk_full import told_when_full
from engine.store import Store, now
from nodes.context import StoredObject, StoredTable, not_registered
from nodes.csv_stream import HashingSink, NotStreamable, Progress, stream_csv
from nodes.errors import Cancelled
from nodes.reading import DEFAULT_OPTIONS, FORMATS, TEXT_FORMATS, Read, ReadError, ReadOptions, format_of, read_file
from nodes.table import Table, TableSchema

REGISTERED_FORMATS = ("CSV", "TSV", "Parquet")
REGISTERED_SUFFIXES = frozenset(suffix for name in REGISTERED_FORMATS for suffix in FORMATS[name])
MAX_NAME_LENGTH = 200


class DatasetError(ValueError):
    """A file that cannot be registered, or a data set that is not there: says which and why."""


@dataclass(frozen=True)
class DatasetInfo:
    id: str
    name: str
    version: int
    description: str
    source_path: str
    source_sha256: str
    artifact: str
    schema: TableSchema
    row_count: int
    created: str
    read_as: str = ""  # how the file was just read ("CSV: delimiter ',', encoding utf-8, ..."), when registered

    @classmethod
    def from_row(cls, row: dict) -> DatasetInfo:
        return cls(row["id"], row["name"], row["version"], row["description"] or "", row["source_path"] or "",
                   row["source_sha256"] or "", row["artifact"], TableSchema.from_dict(json.loads(row["schema"])),
                   row["row_count"], row["created"])

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "version": self.version, "description": self.description,
                "source_path": self.source_path, "sha256": self.source_sha256, "row_count": self.row_count,
                "columns": self.schema.to_dict(), "created": self.created}


def check_name(name: str) -> None:
    """Refuse a data set name that is blank, too long, has control characters, slashes or "..", or starts or
    ends with a space: names appear in paths, menus and one-line messages."""
    problem = None
    if not name.strip():
        problem = "a data set needs a name"
    elif len(name) > MAX_NAME_LENGTH:
        problem = f"a data set name has at most {MAX_NAME_LENGTH} characters (this one has {len(name)})"
    elif any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in name):
        problem = f"the data set name {name!r} has control characters"
    elif "/" in name or "\\" in name or ".." in name:
        problem = f'the data set name "{name}" may not contain "/", "\\" or ".."'
    elif name != name.strip():
        problem = f'the data set name "{name}" starts or ends with a space'
    if problem:
        raise DatasetError(problem)


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


class Datasets:
    """The workspace's data sets; also the `DatasetCatalog` that Dataset, Saved Model and Saved Transformation
    nodes read from."""

    def __init__(self, store: Store, artifacts: ArtifactStore) -> None:
        self.store = store
        self.artifacts = artifacts

    def register(self, path: str | Path, name: str, description: str = "", *, only_new: bool = False,
                 options: ReadOptions = DEFAULT_OPTIONS, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> DatasetInfo:
        """Register a file, read with `options`, as a new version of `name` (version 1 if the name is new);
        `only_new` leaves a name that exists (registered meanwhile by another process, say) as it is and returns
        its latest version. `progress(done, total)` hears the bytes read; when `cancelled()` turns true the
        registration stops with `Cancelled`, leaving nothing registered and no file behind."""
        path = Path(path)
        check_name(name)
        imported = self._import(path, options, progress, cancelled)
        with self.store.write() as db:
            latest = db.execute("select max(version) from datasets where name = ?", [name]).fetchone()[0]
            if only_new and latest is not None:
                return self.get(name, latest)
            row = {"id": str(uuid.uuid4()), "name": name, "version": (latest or 0) + 1, "description": description,
                   "source_path": str(path.resolve()), "source_sha256": imported.source_sha256,
                   "artifact": imported.artifact.sha256, "schema": json.dumps(imported.schema.to_dict()),
                   "row_count": imported.row_count, "created": now()}
            db["datasets"].insert(row)
        return replace(DatasetInfo.from_row(row), read_as=imported.read_as)

    def _import(self, path: Path, options: ReadOptions, progress: Progress | None,
                cancelled: Callable[[], bool] | None) -> Imported:
        """A CSV or TSV file streamed through Arrow, else (Parquet, or a file streaming cannot read identically)
        read whole by the strict reader."""
        try:
            options.check()
            file_format = format_of(path, REGISTERED_FORMATS)
            if file_format in TEXT_FORMATS and path.is_file():
                return self._stream(path, file_format, options, progress, cancelled)
        except ReadError as error:
            raise DatasetError(str(error)) from None
        except (NotStreamable, ValueError):  # a ValueError: an empty file, say; the strict reader says what
            pass
        read = read_source(path, options)
        if cancelled is not None and cancelled():
            raise Cancelled("registration cancelled")
        ref = self.artifacts.put(read.table)
        if progress is not None:
            progress(size := path.stat().st_size, size)
        return Imported(ref, read.table.schema, len(read.table.frame), file_sha256(path),
                        f"{read.format}: {read.options.describe()}")

    def _stream(self, path: Path, file_format: str, options: ReadOptions, progress: Progress | None,
                cancelled: Callable[[], bool] | None) -> Imported:
        """Stream the file into a temporary Parquet file, hashed as it is written, then rename it under its hash and
        record it."""
        fd, temporary = self.artifacts.files.temporary()
        try:
            with told_when_full(self.artifacts.root.parent), os.fdopen(fd, "wb") as file:
                sink = HashingSink(file)
                streamed = stream_csv(path, options, None if file_format == "CSV" else "\t", sink, progress,
                                      cancelled)
            ref = ArtifactRef(sink.digest.hexdigest(), "table")
            self.artifacts.path(ref).parent.mkdir(parents=True, exist_ok=True)
            os.replace(temporary, self.artifacts.path(ref))
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self.artifacts.record(Written(ref, sink.size))
        empty = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in streamed.dtypes.items()})
        return Imported(ref, Table(empty).schema, streamed.row_count, streamed.source_sha256,
                        f"{file_format}: {streamed.options.describe()}")

    def list(self) -> list[DatasetInfo]:
        rows = self.store.db.query("select * from datasets order by name, version")
        return [DatasetInfo.from_row(r) for r in rows]

    def names(self) -> list[str]:
        return [r[0] for r in self.store.db.execute("select distinct name from datasets order by name")]

    def get(self, name: str, version: int | None = None) -> DatasetInfo:
        if version is None:
            sql, args = "select * from datasets where name = ? order by version desc limit 1", [name]
        else:
            sql, args = "select * from datasets where name = ? and version = ?", [name, version]
        rows = list(self.store.db.query(sql, args))
        if not rows:
            raise not_registered("dataset", name, version)
        return DatasetInfo.from_row(rows[0])

    def snapshot(self) -> DatasetSnapshot:
        """Every registered version (data sets and assets) as it is now, for a job's steps wherever they run."""
        rows = self.store.db.query("select name, version, artifact, schema from datasets")
        return DatasetSnapshot(str(self.artifacts.root), {
            (r["name"], r["version"]): SnapshotEntry(r["artifact"], r["schema"])
            for r in rows}, asset_entries(self.store.db))

    def _assets(self) -> DatasetSnapshot:
        """The registered models and transformations (a few rows, read afresh on each call)."""
        return DatasetSnapshot(str(self.artifacts.root), assets=asset_entries(self.store.db))

    def by_id(self, dataset_id: str) -> DatasetInfo:
        rows = list(self.store.db.query("select * from datasets where id = ?", [dataset_id]))
        if not rows:
            raise DatasetError(f"no data set with id {dataset_id}")
        return DatasetInfo.from_row(rows[0])

    def delete(self, name: str, version: int | None = None) -> int:
        """Delete a data set (all versions unless one is given); returns how many versions went."""
        with self.store.write() as db:
            if version is None:
                cursor = db.execute("delete from datasets where name = ?", [name])
            else:
                cursor = db.execute("delete from datasets where name = ? and version = ?", [name, version])
        return cursor.rowcount

    # The DatasetCatalog protocol.
    def dataset_schema(self, name: str, version: int | None = None) -> TableSchema:
        return self.get(name, version).schema

    def load_dataset(self, name: str, version: int | None = None) -> Table:
        return self.artifacts.load(ArtifactRef(self.get(name, version).artifact, "table"))

    def dataset_key(self, name: str, version: int | None = None) -> str:
        return self.get(name, version).artifact

    def stored_dataset(self, name: str, version: int | None = None) -> StoredTable:
        info = self.get(name, version)
        return StoredTable(name, version, info.artifact, info.schema)

    def asset_schema(self, kind: str, name: str, version: int | None = None) -> Any:
        return self._assets().asset_schema(kind, name, version)

    def asset_key(self, kind: str, name: str, version: int | None = None) -> str:
        return self._assets().asset_key(kind, name, version)

    def stored_asset(self, kind: str, name: str, version: int | None = None) -> StoredObject:
        return self._assets().stored_asset(kind, name, version)

    def load_asset(self, kind: str, name: str, version: int | None = None) -> Any:
        return self._assets().load_asset(kind, name, version)
