"""Registered data sets: versioned, with schema, row count and content hash; the catalog source nodes read."""
from __future__ import annotations

import hashlib
import json
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from engine.artifacts import ArtifactRef, ArtifactStore
from engine.dataset_snapshot import DatasetSnapshot, SnapshotEntry, not_registered
from engine.store import Store, now
from nodes.context import StoredTable
from nodes.table import Table, TableSchema

READERS = {".csv": ",", ".tsv": "\t", ".txt": ","}


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


def read_table(path: Path) -> Table:
    """A CSV, TSV or Parquet file as a table; a file that does not parse raises DatasetError saying where."""
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
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError, OSError) as error:
        if isinstance(error, DatasetError):
            raise
        raise DatasetError(f"{path.name} does not parse as {suffix[1:].upper()}: {error}") from None
    if frame.shape[1] == 0:
        raise DatasetError(f"{path.name} has no columns")
    names = [str(c) for c in frame.columns]
    if len(set(names)) != len(names):
        raise DatasetError(f"{path.name} has duplicate column names")
    frame.columns = names
    return Table(frame)


def _read_delimited(path: Path, separator: str) -> pd.DataFrame:
    """A strict read: a row with more fields than the header is an error, not an implicit index."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        frame = pd.read_csv(path, sep=separator, index_col=False)
    for warning in caught:
        if issubclass(warning.category, pd.errors.ParserWarning):
            raise pd.errors.ParserError(f"{warning.message} (a row has more fields than the header)")
    return frame


class Datasets:
    """The workspace's data sets; also the `DatasetCatalog` that Dataset nodes read from."""

    def __init__(self, store: Store, artifacts: ArtifactStore) -> None:
        self.store = store
        self.artifacts = artifacts

    def register(self, path: str | Path, name: str, description: str = "", *, only_new: bool = False) -> DatasetInfo:
        """Register a file as a new version of `name` (version 1 if the name is new); `only_new` leaves a name
        that exists (registered meanwhile by another process, say) as it is and returns its latest version."""
        path = Path(path)
        if not name.strip():
            raise DatasetError("a data set needs a name")
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
            raise not_registered(name, version)
        return DatasetInfo.from_row(rows[0])

    def snapshot(self) -> DatasetSnapshot:
        """Every registered version as it is now, for a job's steps wherever they run."""
        rows = self.store.db.query("select name, version, artifact, schema from datasets")
        return DatasetSnapshot(str(self.artifacts.root), {
            (r["name"], r["version"]): SnapshotEntry(r["artifact"], r["schema"])
            for r in rows})

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
