"""Content-addressed artifacts: Parquet for tables, joblib for models and transformations.

Every file is named by its sha256 and recorded in the `artifacts` table before anything points to it; a file is
only ever unpickled when its row exists and its bytes still hash to the name.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import pyarrow as pa
import pyarrow.parquet as pq

from engine.store import Store, now
from nodes.table import Role, Table

ROLES_KEY = b"designer.roles"


class ArtifactError(Exception):
    """An artifact that is missing, not recorded by this workspace, or altered since it was written."""


@dataclass(frozen=True)
class ArtifactRef:
    sha256: str
    kind: str  # "table" or "object"

    def to_dict(self) -> dict:
        return {"sha256": self.sha256, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict) -> ArtifactRef:
        return cls(d["sha256"], d["kind"])


def table_bytes(table: Table) -> bytes:
    """Parquet with LZ4; dictionary encoding only for text-like columns (it is slow and useless on floats)."""
    arrow = pa.Table.from_pandas(table.frame, preserve_index=False)
    roles = json.dumps({k: v.value for k, v in table.roles.items()}).encode()
    arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), ROLES_KEY: roles})
    textual = [f.name for f in arrow.schema if not (pa.types.is_floating(f.type) or pa.types.is_integer(f.type))]
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink, compression="lz4", use_dictionary=textual)
    return sink.getvalue().to_pybytes()


def table_from_bytes(data: bytes) -> Table:
    arrow = pq.read_table(pa.BufferReader(data))
    roles = json.loads((arrow.schema.metadata or {}).get(ROLES_KEY, b"{}"))
    return Table(arrow.to_pandas(), {k: Role(v) for k, v in roles.items()})


def object_bytes(value: Any) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(value, buffer, compress=0)
    return buffer.getvalue()


class ArtifactStore:
    """The `artifacts/` folder of a workspace."""

    SUFFIX = {"table": ".parquet", "object": ".joblib"}

    def __init__(self, root: Path, store: Store) -> None:
        self.root = root
        self.store = store
        self._loaded: dict[int, tuple[weakref.ref, ArtifactRef]] = {}
        root.mkdir(parents=True, exist_ok=True)

    def path(self, ref: ArtifactRef) -> Path:
        return self.root / ref.sha256[:2] / f"{ref.sha256}{self.SUFFIX[ref.kind]}"

    def put(self, value: Any) -> ArtifactRef:
        """Write a table or a picklable object (file first, then its row) and return its reference."""
        known = self._loaded.get(id(value))
        if known and known[0]() is value:  # passed through unchanged: already stored
            return known[1]
        kind = "table" if isinstance(value, Table) else "object"
        data = table_bytes(value) if kind == "table" else object_bytes(value)
        ref = ArtifactRef(hashlib.sha256(data).hexdigest(), kind)
        path = self.path(ref)
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        with self.store.write() as db:
            db.execute("insert or ignore into artifacts (sha256, kind, path, size, created) values (?, ?, ?, ?, ?)",
                       [ref.sha256, kind, str(path.relative_to(self.root)), len(data), now()])
        return ref

    def exists(self, ref: ArtifactRef) -> bool:
        return self.path(ref).exists()

    def read_bytes(self, ref: ArtifactRef) -> bytes:
        """The artifact's bytes, after checking it is recorded and unaltered."""
        row = self.store.db.execute("select kind from artifacts where sha256 = ?", [ref.sha256]).fetchone()
        if row is None or row[0] != ref.kind:
            raise ArtifactError(f"artifact {ref.sha256[:12]} was not written by this workspace; refusing to load it")
        try:
            data = self.path(ref).read_bytes()
        except OSError as error:
            raise ArtifactError(f"artifact {ref.sha256[:12]} is missing: {error}") from None
        if hashlib.sha256(data).hexdigest() != ref.sha256:
            raise ArtifactError(f"artifact {ref.sha256[:12]} was altered on disk (sha256 mismatch); refusing to load it")
        return data

    def load(self, ref: ArtifactRef) -> Any:
        data = self.read_bytes(ref)
        value = table_from_bytes(data) if ref.kind == "table" else joblib.load(io.BytesIO(data))
        try:
            self._loaded[id(value)] = (weakref.ref(value), ref)
        except TypeError:  # plain containers cannot be weakly referenced; they are simply stored again
            return value
        weakref.finalize(value, self._loaded.pop, id(value), None)
        return value
