"""Several real processes opening one new workspace at the same moment: all succeed, the schema and the
sample data sets are there once."""
from __future__ import annotations

import multiprocessing
import sqlite3
import traceback

import pytest
from sqlite_utils import Database, Migrations

from engine import store_upgrade
from engine.samples import SAMPLE_DATASETS
from engine.store import Store
from engine.store_upgrade import migrations
from engine.workspace import Workspace

TIMEOUT_S = 120


def open_workspace(root, samples: bool, barrier, results) -> None:
    """In a child process: wait for the others, open the workspace, report its schema version or the error."""
    barrier.wait()
    try:
        with Workspace(root, samples=samples) as ws:
            results.put(ws.schema_version)
    except Exception:  # noqa: BLE001 - reported to the test, which asserts there is none
        results.put(traceback.format_exc())


def open_at_once(root, processes: int, samples: bool) -> list:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(processes), context.Queue()
    children = [context.Process(target=open_workspace, args=(root, samples, barrier, results))
                for _ in range(processes)]
    for child in children:
        child.start()
    outcomes = [results.get(timeout=TIMEOUT_S) for _ in children]
    for child in children:
        child.join(TIMEOUT_S)
    return outcomes


def all_migrations() -> int:
    return len(migrations.pending(Database(memory=True)))


def test_four_processes_open_a_new_workspace_at_once(tmp_path):
    root = tmp_path / "ws"
    assert open_at_once(root, 4, samples=False) == [all_migrations()] * 4
    conn = sqlite3.connect(root / "workspace.db")
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert conn.execute("pragma user_version").fetchone()[0] == all_migrations()
    assert conn.execute("select count(*) from _sqlite_migrations").fetchone()[0] == all_migrations()
    conn.close()


def test_two_processes_register_the_samples_once(tmp_path):
    root = tmp_path / "ws"
    assert open_at_once(root, 2, samples=True) == [all_migrations()] * 2
    with Workspace(root, samples=False) as ws:
        assert sorted((d.name, d.version) for d in ws.datasets.list()) == [(n, 1) for n in sorted(SAMPLE_DATASETS)]


def test_opening_a_migrated_workspace_waits_for_no_writer(tmp_path):
    path = tmp_path / "workspace.db"
    Store(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("begin immediate")  # e.g. a job recording its steps in another process
    try:
        store = Store(path)  # would wait the whole busy timeout and fail if opening took the write lock
        assert store.schema_version == all_migrations()
        store.close()
    finally:
        writer.execute("rollback")
        writer.close()


def test_a_failing_migration_applies_none_of_the_pending_ones(tmp_path, monkeypatch):
    steps = Migrations("designer")

    @steps()
    def m001_fine(db: Database) -> None:
        db["fine"].create({"id": int}, pk="id")

    @steps()
    def m002_broken(db: Database) -> None:
        raise RuntimeError("broken migration")

    monkeypatch.setattr(store_upgrade, "migrations", steps)
    with pytest.raises(RuntimeError, match="broken migration"):
        Store(tmp_path / "workspace.db")
    assert Database(tmp_path / "workspace.db").table_names() == []
