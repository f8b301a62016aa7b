"""Registered data sets: versioned, with schema, row count and content hash; the catalog source nodes read
(registered models and transformations included)."""
from __future__ import annotations

import csv
import hashlib
import json
import unicodedata
import uuid
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from engine.artifacts import ArtifactRef, ArtifactStore
from engine.assets import asset_entries
from engine.dataset_snapshot import DatasetSnapshot, SnapshotEntry
from engine.store import Store, now
from nodes.context import StoredObject, StoredTable, not_registered
from nodes.table import Table, TableSchema

READERS = {".csv": ",", ".tsv": "\t", ".txt": ","}
SEPARATORS = ",;\t|"  # what a .csv or .txt file may use; its header line tells which
SNIFF_BYTES = 1 << 16
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


def read_table(path: Path) -> Table:
    """A CSV, TSV or Parquet file as a table; a file that does not parse raises DatasetError saying where, in
    one line."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            frame = pd.read_parquet(path)
        elif suffix in READERS:
            frame = _read_delimited(path, READERS[suffix])
        else:
            raise DatasetError(f"{path.name}: unsupported file type {suffix or '(none)'}; use .csv, .tsv or .parquet")
    except FileNotFoundError:
        raise DatasetError(f"{path}: no such file") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, ValueError, OSError) as error:
        if isinstance(error, DatasetError):
            raise
        raise DatasetError(f"{path.name} does not parse as {suffix[1:].upper()}: {' '.join(str(error).split())}") \
            from None
    if frame.shape[1] == 0:
        raise DatasetError(f"{path.name} has no columns")
    names = [str(c) for c in frame.columns]
    _check_unique(path, names)
    frame.columns = names
    return Table(frame)


def _check_unique(path: Path, names: list[str]) -> None:
    duplicates = [name for name, count in Counter(names).items() if count > 1 and name]
    if duplicates:
        raise DatasetError(f"{path.name} has duplicate column names: {', '.join(map(repr, duplicates[:5]))}")


def _read_delimited(path: Path, separator: str) -> pd.DataFrame:
    """A strict read: text only (UTF-8, with or without a BOM, else Latin-1); the separator of a .csv or .txt
    file is the one of `SEPARATORS` that splits its header into the most fields (with decimal commas after a
    semicolon); duplicate header names are refused; a row with more fields than the header is an error."""
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    if not head:
        raise pd.errors.EmptyDataError("the file is empty")
    if b"\0" in head:
        raise DatasetError(f"{path.name} is not a text file (it holds binary data)")
    try:
        return _parse(path, separator, "utf-8-sig")
    except UnicodeDecodeError:
        return _parse(path, separator, "latin-1")


def _parse(path: Path, separator: str, encoding: str) -> pd.DataFrame:
    with open(path, encoding=encoding, newline="") as f:
        first = f.readline()
        if separator == ",":
            separator = max(SEPARATORS, key=lambda s: (len(next(csv.reader([first], delimiter=s), [])), s == ","))
        f.seek(0)
        _check_unique(path, next(csv.reader(f, delimiter=separator), []))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        frame = pd.read_csv(path, sep=separator, index_col=False, encoding=encoding,
                            decimal="," if separator == ";" else ".")
    if any(issubclass(warning.category, pd.errors.ParserWarning) for warning in caught):
        raise pd.errors.ParserError(_longer_row(path, separator, encoding))
    return frame


def _longer_row(path: Path, separator: str, encoding: str) -> str:
    """Where the first row with more fields than the header is."""
    with open(path, encoding=encoding, newline="") as f:
        rows = csv.reader(f, delimiter=separator)
        width = len(next(rows, []))
        for row in rows:
            if len(row) > width:
                return f"line {rows.line_num} has {len(row)} fields, the header {width}"
    return "a row has more fields than the header"


class Datasets:
    """The workspace's data sets; also the `DatasetCatalog` that Dataset, Saved Model and Saved Transformation
    nodes read from."""

    def __init__(self, store: Store, artifacts: ArtifactStore) -> None:
        self.store = store
        self.artifacts = artifacts

    def register(self, path: str | Path, name: str, description: str = "", *, only_new: bool = False) -> DatasetInfo:
        """Register a file as a new version of `name` (version 1 if the name is new); `only_new` leaves a name
        that exists (registered meanwhile by another process, say) as it is and returns its latest version."""
        path = Path(path)
        check_name(name)
        table = read_table(path)
        ref = self.artifacts.put(table)
        source_sha = hashlib.sha256(path.read_bytes()).hexdigest()
        with self.store.write() as db:
            latest = db.execute("select max(version) from datasets where name = ?", [name]).fetchone()[0]
            if only_new and latest is not None:
                return self.get(name, latest)
            row = {"id": str(uuid.uuid4()), "name": name, "version": (latest or 0) + 1, "description": description,
                   "source_path": str(path.resolve()), "source_sha256": source_sha, "artifact": ref.sha256,
                   "schema": json.dumps(table.schema.to_dict()), "row_count": len(table.frame), "created": now()}
            db["datasets"].insert(row)
        return DatasetInfo.from_row(row)

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
