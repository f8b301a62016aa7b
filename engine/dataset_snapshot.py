"""The registered data sets as a job saw them when it started: a picklable catalog that reads artifact files only."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from engine.artifacts import ArtifactFiles, ArtifactRef
from nodes.context import StoredTable
from nodes.errors import ComponentError
from nodes.table import Table, TableSchema


def not_registered(name: str, version: int | None) -> ComponentError:
    which = f'"{name}"' + (f" version {version}" if version is not None else "")
    return ComponentError(18, "InvalidDataset", f"Data set {which} is not registered in this workspace.",
                          parameter="Dataset")


@dataclass(frozen=True)
class SnapshotEntry:
    """One data set version: its artifact, and its schema as the JSON its row holds (read only when asked)."""

    artifact: str
    schema_json: str

    @property
    def schema(self) -> TableSchema:
        return TableSchema.from_dict(json.loads(self.schema_json))


@dataclass(frozen=True)
class DatasetSnapshot:
    """A `DatasetCatalog` over (name, version) -> artifact and schema, for steps that run away from the database.

    The workspace recorded every artifact named here; a step reading one still checks its sha256.
    """

    artifacts: str
    entries: dict[tuple[str, int], SnapshotEntry] = field(default_factory=dict)

    def _entry(self, name: str, version: int | None) -> SnapshotEntry:
        if version is None:
            versions = [v for n, v in self.entries if n == name]
            version_found = max(versions) if versions else None
            if version_found is None:
                raise not_registered(name, None)
            return self.entries[(name, version_found)]
        try:
            return self.entries[(name, version)]
        except KeyError:
            raise not_registered(name, version) from None

    def dataset_schema(self, name: str, version: int | None = None) -> TableSchema:
        return self._entry(name, version).schema

    def load_dataset(self, name: str, version: int | None = None) -> Table:
        return ArtifactFiles(self.artifacts).read(ArtifactRef(self._entry(name, version).artifact, "table"))

    def dataset_key(self, name: str, version: int | None = None) -> str:
        return self._entry(name, version).artifact

    def stored_dataset(self, name: str, version: int | None = None) -> StoredTable:
        entry = self._entry(name, version)
        return StoredTable(name, version, entry.artifact, entry.schema)
