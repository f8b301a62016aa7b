"""The workspace database: one SQLite connection per thread, WAL, busy timeout, short IMMEDIATE writes. Rows are
read and written with plain SQL; sqlite_utils (which imports pandas) is loaded only to build or upgrade the schema,
so that a command that only reads starts fast."""
from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.disk_full import DiskFull, lack_of_space, told_when_full
from engine.store_migrations import MIGRATIONS
from nodes.lazy import Lazy

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 30_000
WAL_RETRY_S = 0.05
RESERVE_BYTES = 256 * 1024  # held in a file, given back when the disk fills up so the failure can be recorded
database = Lazy("sqlite_utils", "Database")
upgrade = Lazy("engine.store_upgrade", "upgrade")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ReadOnlyWorkspace(PermissionError):
    """The workspace folder or its database cannot be written: Designer records every change there."""

    def __init__(self, folder: str | Path) -> None:
        super().__init__(f"the workspace {folder} is read-only: Designer needs to write to its folder and its "
                         "database (check the folder's permissions, or choose another one with --workspace)")


def insert(conn: sqlite3.Connection, table: str, row: dict[str, Any], *, ignore: bool = False) -> None:
    """Insert a row given as {column: value} (`ignore`: unless its key is taken)."""
    conn.execute(f"insert {'or ignore ' if ignore else ''}into {table} ({', '.join(row)}) "
                 f"values ({', '.join('?' * len(row))})", list(row.values()))


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
    def conn(self) -> sqlite3.Connection:
        """This thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                                      isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            with self._lock:
                self._all.append(conn)
        return conn

    @property
    def db(self) -> Database:
        """This thread's connection seen through sqlite_utils (for the schema)."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = database(self.conn)
        return db

    def query(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """The rows of a query as {column: value}."""
        cursor = self.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return (dict(zip(columns, row, strict=True)) for row in cursor)

    @property
    def schema_version(self) -> int:
        """How many migrations the database has had."""
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _enable_wal(self) -> None:
        """Switch to WAL; another process opening the same new file may hold it without the busy handler
        being called, so "locked" is retried until the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = wal")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
            time.sleep(WAL_RETRY_S)

    def _migrate(self) -> None:
        """Apply the pending migrations in one IMMEDIATE transaction (each one a savepoint in it), and record their
        number as the database's user_version; a second process opening a new workspace at once waits for the
        lock, then finds nothing to do."""
        if self.schema_version >= len(MIGRATIONS):
            return
        with self.write() as conn:
            conn.execute(f"PRAGMA user_version = {upgrade(self.db)}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction that takes the write lock up front (no BUSY on upgrade); inside another
        one on this thread it joins it, so several writes can commit together. A write that fails for lack of
        space raises DiskFull, with nothing of the transaction kept."""
        conn = self.conn
        if conn.in_transaction:
            yield conn
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException as error:
            conn.rollback()
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
