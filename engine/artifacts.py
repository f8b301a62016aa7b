"""Content-addressed artifacts: Parquet for tables, joblib for models and transformations.

`ArtifactFiles` is the folder alone (no database), so a step running in another thread, process or machine that
shares the folder reads and writes it. `ArtifactStore` adds the workspace's record: every file is named by its
sha256 and recorded in the `artifacts` table before anything points to it; a file is only ever unpickled when its
row exists and its bytes still hash to its name.
"""
from __future__ import annotations

import hashlib
import os
import socket
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.disk_full import told_when_full
from engine.store import Store, now
from nodes.lazy import Lazy

SUFFIX = {"table": ".parquet", "object": ".joblib"}
TEMPORARY_FOLDER = "tmp"  # where files are written before they are renamed under their hash
TEMPORARY_SUFFIX = ".tmp"
STALE_TEMPORARY_SECONDS = 3600.0  # a temporary file nobody wrote to for this long is left over, whoever wrote it
Data = bytes | memoryview  # an artifact's serialised bytes
encode = Lazy("engine.artifact_codec", "encode")
object_from_bytes = Lazy("engine.object_codec", "object_from_bytes")
mapped_table = Lazy("engine.artifact_codec", "mapped_table")


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


@dataclass(frozen=True)
class Written:
    """An artifact file just written (or found intact): its reference and size, to be recorded; size None for an
    artifact the workspace recorded long ago (a registered data set handed on as it is)."""

    ref: ArtifactRef
    size: int | None


def relative_path(ref: ArtifactRef) -> str:
    """Where an artifact lives inside the artifacts folder (as its row records it)."""
    return f"{ref.sha256[:2]}/{ref.sha256}{SUFFIX[ref.kind]}"


def _holds(path: Path, data: Data, sha256: str) -> bool:
    """The file exists with exactly these bytes, told by its size and hash read a block at a time (cheaper than
    rewriting it: creating a file is slow)."""
    try:
        return path.stat().st_size == len(data) and file_sha256(path) == sha256
    except OSError:
        return False


def file_sha256(path: Path, block: int = 1 << 20) -> str:
    """The sha256 of a file, read a block at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(block):
            digest.update(chunk)
    return digest.hexdigest()


def _writer(name: str) -> tuple[str, int] | None:
    """(host, process id) of the writer of a temporary file, from its name; None for a name `temporary` did not
    make."""
    parts = name.removesuffix(TEMPORARY_SUFFIX).rsplit("-", 2)
    return (parts[0], int(parts[1])) if len(parts) == 3 and parts[1].isdigit() else None


def _sha256(data: Data) -> str:
    return hashlib.sha256(data).hexdigest()


def _checked(ref: ArtifactRef, data: Any) -> Any:
    """`data` (bytes or an Arrow buffer), once it is known to hash to the artifact's name."""
    if _sha256(memoryview(data)) != ref.sha256:
        raise ArtifactError(f"artifact {ref.sha256[:12]} was altered on disk (sha256 mismatch); refusing to load it")
    return data


class ArtifactFiles:
    """The `artifacts/` folder: files named by the sha256 of their bytes, written atomically."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path(self, ref: ArtifactRef) -> Path:
        return self.root / relative_path(ref)

    def write(self, value: Any) -> Written:
        """Serialise a table or a picklable object and write its file atomically, unless an intact one is there
        already; a damaged file of that name is replaced, so the file always matches its name."""
        kind, data = encode(value)
        return self.write_bytes(data, kind)

    def write_bytes(self, data: Data, kind: str) -> Written:
        """Write an artifact's bytes (serialised elsewhere, e.g. by a step on a machine that does not share this
        folder) under their hash, unless an intact file is there already."""
        ref = ArtifactRef(_sha256(data), kind)
        path = self.path(ref)
        if not _holds(path, data, ref.sha256):
            with told_when_full(self.root.parent, len(data)):
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = self.temporary()
                try:
                    with os.fdopen(fd, "wb") as f:
                        f.write(data)
                    os.replace(tmp, path)
                except BaseException:
                    tmp.unlink(missing_ok=True)
                    raise
        return Written(ref, len(data))

    def temporary(self) -> tuple[int, Path]:
        """A new temporary file (descriptor, path) to write an artifact into before it is renamed under its hash;
        named after the host and process writing it, so that one left by a process that died is told apart."""
        folder = self.root / TEMPORARY_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=folder, prefix=f"{socket.gethostname()}-{os.getpid()}-",
                                    suffix=TEMPORARY_SUFFIX)
        return fd, Path(name)

    def remove_stale_temporaries(self, alive: Callable[[int], bool],
                                 older_than: float = STALE_TEMPORARY_SECONDS) -> int:
        """Remove the temporary files whose writer is gone (a process of this host that `alive` says has ended)
        or that nobody wrote to for `older_than` seconds; returns how many went."""
        host, removed = socket.gethostname(), 0
        for file in (self.root / TEMPORARY_FOLDER).glob(f"*{TEMPORARY_SUFFIX}"):
            try:
                stale = time.time() - file.stat().st_mtime > older_than
            except FileNotFoundError:  # renamed into place meanwhile
                continue
            writer = _writer(file.name)
            if stale or (writer is not None and writer[0] == host and not alive(writer[1])):
                file.unlink(missing_ok=True)
                removed += 1
        return removed

    def read_bytes(self, ref: ArtifactRef) -> bytes:
        """The file's bytes, after checking they still hash to its name (see `intact` for big files)."""
        try:
            data = self.path(ref).read_bytes()
        except OSError as error:
            raise ArtifactError(f"artifact {ref.sha256[:12]} is missing: {error}") from None
        return _checked(ref, data)

    def read(self, ref: ArtifactRef) -> Any:
        """The value of a file whose reference the workspace recorded (the caller vouches for that); a table is
        read from the file's mapped pages (no copy of its bytes in memory)."""
        if ref.kind != "table":
            return object_from_bytes(self.read_bytes(ref))
        try:
            return mapped_table(self.path(ref), lambda data: _checked(ref, data))
        except OSError as error:
            raise ArtifactError(f"artifact {ref.sha256[:12]} is missing: {error}") from None

    def intact(self, ref: ArtifactRef) -> bool:
        """The file is there and hashes to its name (read in blocks: bounded memory for any size)."""
        try:
            return file_sha256(self.path(ref)) == ref.sha256
        except OSError:
            return False

    def adopt(self, path: Path, kind: str) -> Written:
        """Move a file written elsewhere in this folder (a table written chunk by chunk) under its hash."""
        ref = ArtifactRef(file_sha256(path), kind)
        target = self.path(ref)
        target.parent.mkdir(parents=True, exist_ok=True)
        size = path.stat().st_size
        os.replace(path, target)
        return Written(ref, size)


class ArtifactStore:
    """The `artifacts/` folder of a workspace together with its `artifacts` table."""

    def __init__(self, root: Path, store: Store) -> None:
        self.files = ArtifactFiles(root)
        self.root = root
        self.store = store
        root.mkdir(parents=True, exist_ok=True)

    def path(self, ref: ArtifactRef) -> Path:
        return self.files.path(ref)

    def put(self, value: Any) -> ArtifactRef:
        """Write a table or a picklable object (file first, then its row) and return its reference; a file that
        `designer gc` removed between the two is written again (its row, refreshed, now protects it)."""
        written = self.files.write(value)
        self.record(written)
        if not self.files.intact(written.ref):
            self.files.write(value)
        return written.ref

    def record(self, *written: Written) -> None:
        """Add the rows of files written elsewhere (by a step on a worker) to the workspace's record; a row that
        exists is refreshed, so that garbage collection's grace period covers the file again."""
        with self.store.write() as conn:
            conn.executemany(
                "insert into artifacts (sha256, kind, path, size, created) values (?, ?, ?, ?, ?) "
                "on conflict (sha256) do update set created = excluded.created",
                [(w.ref.sha256, w.ref.kind, relative_path(w.ref), w.size, now())
                 for w in written if w.size is not None])

    def recorded(self, ref: ArtifactRef) -> bool:
        row = self.store.conn.execute("select kind from artifacts where sha256 = ?", [ref.sha256]).fetchone()
        return row is not None and row[0] == ref.kind

    def exists(self, ref: ArtifactRef) -> bool:
        return self.path(ref).exists()

    def verify(self, ref: ArtifactRef) -> bool:
        """Recorded by this workspace, present, and unaltered: safe to hand downstream."""
        return self.recorded(ref) and self.files.intact(ref)

    def read_bytes(self, ref: ArtifactRef) -> bytes:
        """The artifact's bytes, after checking it is recorded and unaltered."""
        if not self.recorded(ref):
            raise ArtifactError(f"artifact {ref.sha256[:12]} was not written by this workspace; refusing to load it")
        return self.files.read_bytes(ref)

    def load(self, ref: ArtifactRef) -> Any:
        if not self.recorded(ref):
            raise ArtifactError(f"artifact {ref.sha256[:12]} was not written by this workspace; refusing to load it")
        return self.files.read(ref)
