"""The workspace database: one SQLite connection per thread, WAL, busy timeout, short IMMEDIATE writes."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from engine.store_migrations import migrations

BUSY_TIMEOUT_MS = 30_000


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Store:
    """Connections to `workspace.db`; writes go through `write()` (BEGIN IMMEDIATE ... COMMIT)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        db = self.db
        db.enable_wal()
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {self.schema_version}")

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

    @contextmanager
    def write(self) -> Iterator[Database]:
        """A short write transaction that takes the write lock up front (no BUSY on upgrade)."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.conn.rollback()
            raise
        db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.ProgrammingError:
                    pass  # a connection of a thread that is gone
            self._all.clear()
        self._local = threading.local()
