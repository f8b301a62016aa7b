"""The workspace store: real SQLite files under tmp_path, reopened, written from threads, migrated."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from engine.artifacts import ArtifactError
from engine.pipeline import Pipeline
from engine.store_upgrade import migrations
from engine.workspace import Workspace
from nodes.table import Role, Table


def test_everything_survives_a_reopen(tmp_path):
    root = tmp_path / "ws"
    with Workspace(root) as ws:
        draft = ws.drafts.create(Pipeline(name="Mine"))
        job = ws.jobs.create(Pipeline(name="Run me"), "exp", parameters={"a": 1})
        ws.jobs.set_status(job, "Completed")
    with Workspace(root) as ws:
        assert ws.drafts.load(draft).name == "Mine"
        record = ws.jobs.get(job)
        assert (record.status, record.experiment, record.parameters) == ("Completed", "exp", {"a": 1})
        assert len(ws.datasets.list()) == 3  # samples registered once, not again
        assert ws.store.db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_writes_from_several_threads(workspace):
    job = workspace.jobs.create(Pipeline(), "exp")
    errors = []

    def write(index: int) -> None:
        try:
            for step in range(25):
                workspace.jobs.record_step(job, {"node_id": f"n{index}-{step}", "status": "Completed"})
                workspace.jobs.record_metrics(job, f"n{index}-{step}", {"m": float(step)})
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    record = workspace.jobs.get(job)
    assert len(record.steps) == 200 and sum(len(m) for m in record.metrics.values()) == 200


def test_a_new_database_gets_the_whole_schema(tmp_path):
    with Workspace(tmp_path / "ws", samples=False) as ws:
        assert ws.schema_version == len(migrations.pending(sqlite_db(tmp_path / "blank.db")))
        assert ws.store.db.execute("pragma user_version").fetchone()[0] == ws.schema_version
        assert {"datasets", "drafts", "jobs", "steps", "metrics", "artifacts", "step_cache"} <= set(
            ws.store.db.table_names())


def sqlite_db(path):
    from sqlite_utils import Database
    return Database(path)


def test_an_older_schema_is_migrated_and_keeps_its_rows(tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    old = sqlite_db(root / "workspace.db")
    migrations.apply(old, stop_before="m002_step_cache")
    old["drafts"].insert({"id": "d1", "name": "Old draft", "pipeline": Pipeline(name="Old draft").to_json(),
                          "created": "then", "modified": "then"})
    old.close()
    with Workspace(root, samples=False) as ws:
        assert "step_cache" in ws.store.db.table_names()
        assert ws.drafts.load("d1").name == "Old draft"
        assert ws.schema_version == len(migrations.pending(sqlite_db(tmp_path / "blank.db")))
        assert "draft_id" in ws.store.db["jobs"].columns_dict


def test_jobs_of_an_older_schema_survive_the_draft_column(tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    old = sqlite_db(root / "workspace.db")
    migrations.apply(old, stop_before="m003_job_draft")
    old["jobs"].insert({"id": "j1", "experiment": "e", "display_name": "Old job", "pipeline": Pipeline().to_json(),
                        "parameters": "{}", "status": "Completed", "created": "2026-01-01T00:00:00+00:00"})
    old.close()
    with Workspace(root, samples=False) as ws:
        assert ws.jobs.get("j1").display_name == "Old job"
        assert ws.jobs.latest_for_draft("d") is None
        job = ws.jobs.create(Pipeline(), "e", draft_id="d")
        assert ws.jobs.latest_for_draft("d") == job


def test_an_interrupted_job_is_marked_failed_at_the_next_start(tmp_path):
    root = tmp_path / "ws"
    with Workspace(root, samples=False) as ws:
        job = ws.jobs.create(Pipeline(), "exp")
        ws.jobs.set_status(job, "Running")
        ws.jobs.record_step(job, {"node_id": "a", "status": "Running"})
        ws.jobs.record_step(job, {"node_id": "b", "status": "Completed"})
        ws.store.db.execute("update jobs set pid = 999999999 where id = ?", [job])  # a process that is gone
    with Workspace(root, samples=False) as ws:
        assert ws.interrupted == [job]
        record = ws.jobs.get(job)
        assert record.status == "Failed" and record.error.startswith("interrupted")
        assert [s.status for s in record.steps] == ["Failed", "Completed"]


def test_a_job_of_a_live_process_is_left_alone(tmp_path):
    root = tmp_path / "ws"
    with Workspace(root, samples=False) as ws:
        job = ws.jobs.create(Pipeline(), "exp")
        ws.jobs.set_status(job, "Running")
    with Workspace(root, samples=False) as ws:
        assert ws.interrupted == [] and ws.jobs.get(job).status == "Running"


def test_artifacts_round_trip_tables_with_roles_and_objects(workspace):
    import pandas as pd
    table = Table(pd.DataFrame({"a": [1, 2], "b": pd.Categorical(["x", "y"])}), {"a": Role.LABEL})
    ref = workspace.artifacts.put(table)
    again = workspace.artifacts.load(ref)
    assert again.roles == {"a": Role.LABEL}
    pd.testing.assert_frame_equal(again.frame, table.frame)
    obj = workspace.artifacts.load(workspace.artifacts.put({"model": [1, 2, 3]}))
    assert obj == {"model": [1, 2, 3]}


def test_an_altered_artifact_is_never_unpickled(workspace):
    ref = workspace.artifacts.put({"weights": [1, 2]})
    path = workspace.artifacts.path(ref)
    path.write_bytes(path.read_bytes() + b"tampered")
    with pytest.raises(ArtifactError, match="altered on disk"):
        workspace.artifacts.load(ref)


def test_an_artifact_the_workspace_did_not_record_is_refused(workspace):
    ref = workspace.artifacts.put({"weights": [1, 2]})
    workspace.store.db.execute("delete from artifacts where sha256 = ?", [ref.sha256])
    with pytest.raises(ArtifactError, match="not written by this workspace"):
        workspace.artifacts.load(ref)


def test_step_cache_round_trip(workspace):
    workspace.jobs.remember("f" * 64, {"Dataset": {"sha256": "a", "kind": "table"}}, {"m": 1.0}, "log", "j", "n")
    assert workspace.jobs.cached("f" * 64)["metrics"] == {"m": 1.0}
    assert workspace.jobs.cached("0" * 64) is None


def test_a_locked_database_waits_instead_of_failing(workspace):
    other = sqlite3.connect(workspace.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    done = threading.Event()

    def writer() -> None:
        workspace.jobs.create(Pipeline(), "exp")
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert not done.wait(0.3)  # blocked by the other writer, not failed
    other.execute("COMMIT")
    thread.join(10)
    assert done.is_set()
    assert len(workspace.jobs.list()) == 1
