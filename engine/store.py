"""The workspace database: one SQLite connection per thread, WAL, busy timeout, short IMMEDIATE writes."""
from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from engine.disk_full import DiskFull, lack_of_space, told_when_full
from engine.store_migrations import migrations

BUSY_TIMEOUT_MS = 30_000
WAL_RETRY_S = 0.05
RESERVE_BYTES = 256 * 1024  # held in a file, given back when the disk fills up so the failure can be recorded


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ReadOnlyWorkspace(PermissionError):
    """The workspace folder or its database cannot be written: Designer records every change there."""

    def __init__(self, folder: str | Path) -> None:
        super().__init__(f"the workspace {folder} is read-only: Designer needs to write to its folder and its "
                         "database (check the folder's permissions, or choose another one with --workspace)")


def writable(path: Path) -> bool:
    """The database file (if there) and its folder can be written (SQLite adds its -wal and -shm files there)."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


class Store:
    """Connections to `workspace.db`; writes go through `write()` (BEGIN IMMEDIATE ... COMMIT)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.reserve = path.with_name(path.name + ".reserve")
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            with told_when_full(path.parent):
                self._enable_wal()
                self._migrate()
        except (sqlite3.Error, OSError) as error:
            self.close()
            if not writable(path):
                raise ReadOnlyWorkspace(path.parent) from error
            if isinstance(error, sqlite3.Error) and shutil.disk_usage(path.parent).free < RESERVE_BYTES:
                raise DiskFull(path.parent) from error  # SQLite says "disk I/O error" when its -shm cannot grow
            raise
        self._keep_reserve()

    @property
    def db(self) -> Database:
        """This thread's connection."""
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            db = self._local.db = Database(conn)
            with self._lock:
                self._all.append(conn)
        return db

    @property
    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    def _enable_wal(self) -> None:
        """Switch to WAL; another process opening the same new file may hold it without the busy handler
        being called, so "locked" is retried until the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = wal")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
            time.sleep(WAL_RETRY_S)

    def _migrate(self) -> None:
        """Apply the pending migrations in one IMMEDIATE transaction (each one a savepoint in it): a second
        process opening a new workspace at once waits for the lock, then finds nothing to do."""
        if not migrations.pending(self.db) and self._user_version() == self.schema_version:
            return
        with self.write() as db:
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {self.schema_version}")

    def _user_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def write(self) -> Iterator[Database]:
        """A short write transaction that takes the write lock up front (no BUSY on upgrade); inside another
        one on this thread it joins it, so several writes can commit together. A write that fails for lack of
        space raises DiskFull, with nothing of the transaction kept."""
        db = self.db
        if db.conn.in_transaction:
            yield db
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except BaseException as error:
            db.conn.rollback()
            if not (isinstance(error, sqlite3.Error) and lack_of_space(error)):
                raise
            self.reserve.unlink(missing_ok=True)  # room for recording what failed (the job's end)
            raise DiskFull(self.path.parent) from error

    def _keep_reserve(self) -> None:
        """Hold RESERVE_BYTES (incompressible) in `reserve`, unless the disk has not got them: a write that finds
        the disk full gives them back, so that the engine can still record that the job failed, and why."""
        if self.reserve.exists():
            return
        try:
            self.reserve.write_bytes(os.urandom(RESERVE_BYTES))
        except OSError:
            self.reserve.unlink(missing_ok=True)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.ProgrammingError:
                    pass  # a connection of a thread that is gone
            self._all.clear()
        self._local = threading.local()
