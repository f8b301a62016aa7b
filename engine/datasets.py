"""Registered data sets: versioned, with schema, row count and content hash; the catalog source nodes read
(registered models and transformations included)."""
from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.artifacts import ArtifactRef, ArtifactStore
from engine.assets import asset_entries
from engine.dataset_snapshot import DatasetSnapshot, SnapshotEntry
from engine.store import Store, insert, now
from nodes.context import StoredObject, StoredTable, not_registered
from nodes.lazy import Lazy
from nodes.schema import TableSchema

if TYPE_CHECKING:
    from nodes.csv_stream import Progress
    from nodes.read_options import ReadOptions
    from nodes.table import Table

MAX_NAME_LENGTH = 200
import_file = Lazy("engine.dataset_import", "import_file")


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


class Datasets:
    """The workspace's data sets; also the `DatasetCatalog` that Dataset, Saved Model and Saved Transformation
    nodes read from."""

    def __init__(self, store: Store, artifacts: ArtifactStore) -> None:
        self.store = store
        self.artifacts = artifacts

    def register(self, path: str | Path, name: str, description: str = "", *, only_new: bool = False,
                 options: ReadOptions | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> DatasetInfo:
        """Register a file, read with `options` (None: the defaults), as a new version of `name` (version 1 if the
        name is new); `only_new` leaves a name that exists (registered meanwhile by another process, say) as it is
        and returns its latest version. `progress(done, total)` hears the bytes read; when `cancelled()` turns true the
        registration stops with `Cancelled`, leaving nothing registered and no file behind."""
        path = Path(path)
        check_name(name)
        imported = import_file(self.artifacts, path, options, progress, cancelled)
        with self.store.write() as conn:
            latest = conn.execute("select max(version) from datasets where name = ?", [name]).fetchone()[0]
            if only_new and latest is not None:
                return self.get(name, latest)
            row = {"id": str(uuid.uuid4()), "name": name, "version": (latest or 0) + 1, "description": description,
                   "source_path": str(path.resolve()), "source_sha256": imported.source_sha256,
                   "artifact": imported.artifact.sha256, "schema": json.dumps(imported.schema.to_dict()),
                   "row_count": imported.row_count, "created": now()}
            insert(conn, "datasets", row)
        return replace(DatasetInfo.from_row(row), read_as=imported.read_as)

    def list(self) -> list[DatasetInfo]:
        rows = self.store.query("select * from datasets order by name, version")
        return [DatasetInfo.from_row(r) for r in rows]

    def names(self) -> list[str]:
        return [r[0] for r in self.store.conn.execute("select distinct name from datasets order by name")]

    def get(self, name: str, version: int | None = None) -> DatasetInfo:
        if version is None:
            sql, args = "select * from datasets where name = ? order by version desc limit 1", [name]
        else:
            sql, args = "select * from datasets where name = ? and version = ?", [name, version]
        rows = list(self.store.query(sql, args))
        if not rows:
            raise not_registered("dataset", name, version)
        return DatasetInfo.from_row(rows[0])

    def snapshot(self) -> DatasetSnapshot:
        """Every registered version (data sets and assets) as it is now, for a job's steps wherever they run."""
        rows = self.store.query("select name, version, artifact, schema from datasets")
        return DatasetSnapshot(str(self.artifacts.root), {
            (r["name"], r["version"]): SnapshotEntry(r["artifact"], r["schema"])
            for r in rows}, asset_entries(self.store))

    def _assets(self) -> DatasetSnapshot:
        """The registered models and transformations (a few rows, read afresh on each call)."""
        return DatasetSnapshot(str(self.artifacts.root), assets=asset_entries(self.store))

    def by_id(self, dataset_id: str) -> DatasetInfo:
        rows = list(self.store.query("select * from datasets where id = ?", [dataset_id]))
        if not rows:
            raise DatasetError(f"no data set with id {dataset_id}")
        return DatasetInfo.from_row(rows[0])

    def delete(self, name: str, version: int | None = None) -> int:
        """Delete a data set (all versions unless one is given); returns how many versions went."""
        with self.store.write() as conn:
            if version is None:
                cursor = conn.execute("delete from datasets where name = ?", [name])
            else:
                cursor = conn.execute("delete from datasets where name = ? and version = ?", [name, version])
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
