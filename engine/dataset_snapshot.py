"""The registered data sets, models and transformations as a job saw them when it started: a picklable catalog
that reads artifact files only."""
from __future__ import annotations

import json
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from engine.artifacts import ArtifactFiles, ArtifactRef
from nodes.context import StoredObject, StoredTable, not_registered
from nodes.schema import TableSchema

if TYPE_CHECKING:
    from nodes.table import Table

Entry = TypeVar("Entry")


@dataclass(frozen=True)
class SnapshotEntry:
    """One data set version: its artifact, and its schema as the JSON its row holds (read only when asked)."""

    artifact: str
    schema_json: str

    @property
    def schema(self) -> TableSchema:
        return TableSchema.from_dict(json.loads(self.schema_json))


@dataclass(frozen=True)
class AssetEntry:
    """One registered model or transformation version: its artifact, and the artifact of its design-time schema
    (so that `configure` never unpickles the model itself)."""

    artifact: str
    schema_artifact: str


def _find(entries: dict[tuple, Entry], kind: str, key: tuple[Hashable, ...], name: str,
          version: int | None) -> Entry:
    """The entry `(*key, version)`, or the latest version's when `version` is None; error 0018 if none."""
    if version is None:
        versions = [k[-1] for k in entries if k[:-1] == key]
        if not versions:
            raise not_registered(kind, name, None)
        return entries[(*key, max(versions))]
    try:
        return entries[(*key, version)]
    except KeyError:
        raise not_registered(kind, name, version) from None


@dataclass(frozen=True)
class DatasetSnapshot:
    """A `DatasetCatalog` over (name, version) -> data set and (kind, name, version) -> registered asset, for
    steps that run away from the database.

    The workspace recorded every artifact named here; a step reading one still checks its sha256.
    """

    artifacts: str
    entries: dict[tuple[str, int], SnapshotEntry] = field(default_factory=dict)
    assets: dict[tuple[str, str, int], AssetEntry] = field(default_factory=dict)

    def _entry(self, name: str, version: int | None) -> SnapshotEntry:
        return _find(self.entries, "dataset", (name,), name, version)

    def _asset(self, kind: str, name: str, version: int | None) -> AssetEntry:
        return _find(self.assets, kind, (kind, name), name, version)

    def _read(self, key: str, kind: str) -> Any:
        return ArtifactFiles(self.artifacts).read(ArtifactRef(key, kind))

    def dataset_schema(self, name: str, version: int | None = None) -> TableSchema:
        return self._entry(name, version).schema

    def load_dataset(self, name: str, version: int | None = None) -> Table:
        return self._read(self._entry(name, version).artifact, "table")

    def dataset_key(self, name: str, version: int | None = None) -> str:
        return self._entry(name, version).artifact

    def stored_dataset(self, name: str, version: int | None = None) -> StoredTable:
        entry = self._entry(name, version)
        return StoredTable(name, version, entry.artifact, entry.schema)

    def asset_schema(self, kind: str, name: str, version: int | None = None) -> Any:
        return self._read(self._asset(kind, name, version).schema_artifact, "object")

    def asset_key(self, kind: str, name: str, version: int | None = None) -> str:
        return self._asset(kind, name, version).artifact

    def stored_asset(self, kind: str, name: str, version: int | None = None) -> StoredObject:
        entry = self._asset(kind, name, version)
        return StoredObject(kind, name, version, entry.artifact, self._read(entry.schema_artifact, "object"))

    def load_asset(self, kind: str, name: str, version: int | None = None) -> Any:
        return self._read(self._asset(kind, name, version).artifact, "object")
