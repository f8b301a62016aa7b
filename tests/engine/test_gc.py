"""`designer gc` on a real workspace: what nothing refers to goes, everything referred to or too young stays."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import timedelta

import pandas as pd
import pytest

from engine import cli
from engine.artifacts import ArtifactRef
from engine.engine import Engine
from engine.gc import GcRefused, collect_garbage
from engine.pipeline import Pipeline
from nodes.table import Table
from tests.engine import fakes
from tests.engine.builders import data_node, node, pipeline, wire

HOUR_AGO = "2000-01-01T00:00:00.000+00:00"


@pytest.fixture
def test_engine(workspace):
    eng = Engine(workspace, registry=fakes.registry(), max_workers=1)
    yield eng
    eng.close()


def run_job(engine: Engine, data: str):
    source, step = data_node(data), node("test_pass")
    job = engine.submit(pipeline(source, step, edges=[wire(source, "Dataset", step, "Dataset")])).wait(30)
    assert job.status == "Completed"
    return job


def job_refs(job) -> set[ArtifactRef]:
    return {ArtifactRef.from_dict(d) for s in job.steps for d in s.outputs.values()}


def age(workspace) -> None:
    """Make every artifact (row and file) and every file in `artifacts/` older than any grace period."""
    with workspace.store.write() as db:
        db.execute("update artifacts set created = ?", [HOUR_AGO])
    long_ago = time.time() - 3600
    for file in workspace.artifacts.root.glob("*/*"):
        os.utime(file, (long_ago, long_ago))


def recorded(workspace) -> set[str]:
    return {r[0] for r in workspace.store.db.execute("select sha256 from artifacts")}


def garbage(workspace, value: float) -> ArtifactRef:
    """An artifact the workspace wrote and recorded but nothing refers to."""
    return workspace.artifacts.put(Table(pd.DataFrame({"x": [value]})))


def test_removes_what_nothing_refers_to_and_keeps_the_rest(workspace, test_engine):
    kept_job = run_job(test_engine, "x,y\n1,2\n")
    dropped_job = run_job(test_engine, "x,y\n3,4\n")
    dropped = job_refs(dropped_job) - job_refs(kept_job)
    assert dropped
    with workspace.store.write() as db:  # the dropped job's records are gone: its artifacts are garbage
        db.execute("delete from steps where job_id = ?", [dropped_job.id])
        db.execute("delete from step_cache where job_id = ?", [dropped_job.id])
    extra = garbage(workspace, 1.0)
    age(workspace)
    sizes = sum(workspace.artifacts.path(r).stat().st_size for r in {*dropped, extra})
    before = recorded(workspace)

    report = collect_garbage(workspace)

    assert (report.removed, report.bytes, report.orphan_files, report.temporary_files) == (len(dropped) + 1, sizes, 0, 0)
    assert recorded(workspace) == before - {r.sha256 for r in {*dropped, extra}}
    assert not any(workspace.artifacts.path(r).exists() for r in {*dropped, extra})
    for step in kept_job.steps:  # the kept job's outputs still load, and the data sets still read
        for port in step.outputs:
            assert isinstance(test_engine.output(kept_job.id, step.node_id, port), Table)
    for info in workspace.datasets.list():
        assert len(workspace.datasets.load_dataset(info.name).frame) == info.row_count
    assert collect_garbage(workspace).removed == 0


def test_the_reuse_cache_alone_keeps_an_artifact(workspace, test_engine):
    job = run_job(test_engine, "x,y\n1,2\n")
    with workspace.store.write() as db:
        db.execute("delete from steps where job_id = ?", [job.id])
    age(workspace)
    assert collect_garbage(workspace).removed == 0
    assert all(workspace.artifacts.verify(r) for r in job_refs(job))
    assert [s.status for s in run_job(test_engine, "x,y\n1,2\n").steps] == ["Reused", "Reused"]


def test_a_dry_run_reports_the_same_and_removes_nothing(workspace):
    refs = [garbage(workspace, v) for v in (1.0, 2.0)]
    (workspace.artifacts.root / "ab").mkdir(exist_ok=True)
    (workspace.artifacts.root / "ab" / "interrupted.tmp").write_bytes(b"half")
    age(workspace)
    before = recorded(workspace)

    dry = collect_garbage(workspace, dry_run=True)

    assert recorded(workspace) == before and all(workspace.artifacts.path(r).exists() for r in refs)
    assert (workspace.artifacts.root / "ab" / "interrupted.tmp").exists()
    real = collect_garbage(workspace)
    assert dry.to_dict() == {**real.to_dict(), "dry_run": True}
    assert (real.removed, real.temporary_files) == (2, 1)
    assert dry.summary().startswith("Would remove 2 artifacts")


def test_orphan_and_temporary_files_go_once_past_the_grace_period(workspace):
    root = workspace.artifacts.root
    (root / "ab").mkdir(exist_ok=True)
    orphan = root / "ab" / f"{'ab' * 32}.parquet"  # a write interrupted between the file and its row
    temporary = root / "ab" / "tmp1234.tmp"
    unknown = root / "ab" / "notes.txt"
    for file in (orphan, temporary, unknown):
        file.write_bytes(b"12345")

    young = collect_garbage(workspace)
    assert (young.orphan_files, young.temporary_files) == (0, 0) and orphan.exists() and temporary.exists()

    age(workspace)
    report = collect_garbage(workspace)
    assert (report.orphan_files, report.temporary_files, report.bytes) == (1, 1, 10)
    assert not orphan.exists() and not temporary.exists() and unknown.exists()


def test_a_recent_artifact_stays_until_its_grace_period_ends(workspace):
    ref = garbage(workspace, 1.0)
    assert collect_garbage(workspace).removed == 0 and workspace.artifacts.verify(ref)
    time.sleep(0.01)
    assert collect_garbage(workspace, grace=timedelta(0)).removed == 1 and not workspace.artifacts.exists(ref)


def test_rows_whose_file_is_gone(workspace, test_engine):
    unreferenced = garbage(workspace, 1.0)
    job = run_job(test_engine, "x,y\n1,2\n")
    referenced = next(iter(job_refs(job)))
    age(workspace)
    workspace.artifacts.path(unreferenced).unlink()
    workspace.artifacts.path(referenced).unlink()

    report = collect_garbage(workspace)

    assert (report.removed, report.missing, report.lost) == (0, 1, 1)
    assert unreferenced.sha256 not in recorded(workspace)  # the record no longer claims the file
    assert referenced.sha256 in recorded(workspace)  # a job still refers to it: kept, and reported
    assert "1 artifact that jobs or data sets refer to is missing on disk" in report.summary()


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_refused_while_a_job_is_active_and_allowed_once_its_process_is_gone(workspace, capsys):
    job = workspace.jobs.create(Pipeline(name="Running"), "exp")  # NotStarted, by this (live) process
    ref = garbage(workspace, 1.0)
    age(workspace)

    with pytest.raises(GcRefused, match=job):
        collect_garbage(workspace)
    assert cli.main(["--workspace", str(workspace.root), "gc"]) == 1
    assert job in capsys.readouterr().err
    assert workspace.artifacts.verify(ref)

    with workspace.store.write() as db:  # the process that ran the job died
        db.execute("update jobs set pid = ? where id = ?", [dead_pid(), job])
    assert collect_garbage(workspace).removed == 1
    assert workspace.jobs.get_status(job) == "Failed"


def test_the_command_line(workspace, capsys):
    garbage(workspace, 1.0)
    garbage(workspace, 2.0)
    age(workspace)
    workspace_args = ["--workspace", str(workspace.root), "gc"]

    assert cli.main([*workspace_args, "--dry-run", "--json"]) == 0
    dry = json.loads(capsys.readouterr().out)
    assert (dry["removed"], dry["dry_run"]) == (2, True) and dry["bytes"] > 0
    assert cli.main(workspace_args) == 0
    assert capsys.readouterr().out.startswith("Removed 2 artifacts (")
    assert cli.main([*workspace_args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["removed"] == 0
    with pytest.raises(SystemExit):
        cli.main([*workspace_args, "--grace-minutes", "-1"])
