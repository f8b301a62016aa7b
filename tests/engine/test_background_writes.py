"""Big outputs are written off the critical path: the downstream starts on the value in memory, the job is Completed
only once every file is durable, a failed write fails the job, a step on another process waits for its inputs'
files, and a process killed with writes pending leaves nothing half-recorded."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from engine import runner
from engine.artifacts import ArtifactRef
from engine.engine import Engine
from engine.workspace import Workspace
from tests.engine import fakes
from tests.engine.builders import data_node, node, pipeline, wire
from tests.engine.test_faults import DEADLINE_S, active_jobs, integrity, kill, start, temporaries, wait_for


@pytest.fixture
def gate(monkeypatch):
    """Every table is written in the background, and each background write waits until the gate is set."""
    opened = threading.Event()
    real = runner.write_output

    def held(files, port, value):
        opened.wait(DEADLINE_S)
        return real(files, port, value)
    monkeypatch.setattr(runner, "BACKGROUND_WRITE_CELLS", 0)
    monkeypatch.setattr(runner, "write_output", held)
    yield opened
    opened.set()


@pytest.fixture
def engine(workspace):
    engine = Engine(workspace, fakes.registry(), max_workers=2)
    yield engine
    engine.close()


def two_steps():
    data, step = data_node(), node("test_pass")
    return data, step, pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")])


def status(workspace: Workspace, job_id: str, node_id: str) -> str:
    steps = {s.node_id: s.status for s in workspace.jobs.get(job_id).steps}
    return steps.get(node_id, "NotStarted")


def test_the_downstream_runs_on_the_value_while_it_is_written_and_the_job_waits_for_the_file(workspace, engine,
                                                                                            gate):
    data, step, pipe = two_steps()
    handle = engine.submit(pipe)
    wait_for(lambda: status(workspace, handle.id, step.id) == "Completed", "the downstream step to complete")
    job = workspace.jobs.get(handle.id)
    assert job.status == "Running"  # not Completed while a write is pending
    assert job.step(data.id).outputs == {} and workspace.jobs.cached(job.step(data.id).fingerprint) is None
    gate.set()
    job = handle.wait(DEADLINE_S)
    assert job.status == "Completed", job.error
    assert set(job.step(data.id).outputs) == {"Dataset"} and set(job.step(step.id).outputs) == {"Results dataset"}
    assert engine.output(job.id, step.id, "Results dataset").frame["x"].tolist() == list(range(1, 9))
    again = engine.submit(pipe).wait(DEADLINE_S)
    assert [s.status for s in again.steps] == ["Reused", "Reused"]


def test_a_background_write_that_fails_fails_its_step_and_the_job_with_the_reason(workspace, engine, monkeypatch):
    monkeypatch.setattr(runner, "BACKGROUND_WRITE_CELLS", 0)
    real = runner.write_output

    def failing(files, port, value):
        if port == "Dataset":
            raise OSError(5, "Input/output error")
        return real(files, port, value)
    monkeypatch.setattr(runner, "write_output", failing)
    data, step, pipe = two_steps()
    job = engine.submit(pipe).wait(DEADLINE_S)
    assert job.status == "Failed"
    failed = job.step(data.id)
    assert failed.status == "Failed" and failed.outputs == {}
    assert failed.error["code"] == "0160" and 'could not write the output "Dataset"' in failed.error["message"]
    assert "Input/output error" in job.error and job.error.startswith("Enter Data Manually: Error 0160 (FailedToWriteOutputs)")
    assert workspace.jobs.cached(failed.fingerprint) is None
    assert job.step(step.id).status == "Completed"  # it had run on the value already; its own output is durable


def test_a_step_on_worker_processes_is_sent_only_once_its_input_file_is_durable(workspace, engine, gate):
    data, middle, last = data_node(), node("select_columns", **{"Select Columns": ["x", "label"]}), node("test_pass")
    middle.compute = "local-processes"
    edges = [wire(data, "Dataset", middle, "Dataset"), wire(middle, "Results dataset", last, "Dataset")]
    handle = engine.submit(pipeline(data, middle, last, edges=edges))
    wait_for(lambda: status(workspace, handle.id, data.id) == "Completed", "the first step to complete")
    assert status(workspace, handle.id, middle.id) == "NotStarted"
    gate.set()
    job = handle.wait(300)
    assert job.status == "Completed", job.error
    assert job.metrics[last.id] == {"rows": 8.0}


PENDING = """
import os, sys, time
from engine import runner
from engine.artifacts import ArtifactRef
from engine.engine import Engine
from engine.workspace import Workspace
from tests.engine.builders import data_node, node, pipeline, wire
from tests.engine.fakes import registry

def stuck(files, port, value):  # a writer that wrote half its file when the process dies
    fd, path = files.temporary()
    os.write(fd, b"half an artifact")
    time.sleep(120)

runner.BACKGROUND_WRITE_CELLS = 0
runner.write_output = stuck
ws = Workspace(sys.argv[1], samples=False)
data, step = data_node(), node("test_pass")
Engine(ws, registry(), max_workers=2).submit(pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")]))
time.sleep(120)
"""


def test_a_process_killed_with_writes_pending_leaves_no_half_recorded_output(tmp_path):
    root = tmp_path / "ws"
    process = start(PENDING, str(root))
    try:
        def both_completed() -> bool:
            try:
                with sqlite3.connect(root / "workspace.db") as conn:
                    return conn.execute("select count(*) from steps where status = 'Completed'").fetchone()[0] == 2
            except sqlite3.Error:
                return False
        wait_for(both_completed, "both steps to complete on in-memory values")
        wait_for(lambda: temporaries(root), "a write to be under way")
    finally:
        kill(process)
    assert integrity(root) == "ok"
    with Workspace(root, samples=False) as ws:
        [job_id] = ws.interrupted
        job = ws.jobs.get(job_id)
        assert job.status == "Failed" and "interrupted" in job.error and active_jobs(ws) == []
        assert all(step.outputs == {} for step in job.steps)
        assert temporaries(root) == []
        with sqlite3.connect(root / "workspace.db") as conn:
            assert conn.execute("select count(*) from step_cache").fetchone()[0] == 0
            recorded = conn.execute("select sha256, kind from artifacts").fetchall()
        assert all(ws.artifacts.verify(ArtifactRef(sha, kind)) for sha, kind in recorded)  # no row without its file
        engine = Engine(ws, fakes.registry(), max_workers=1)
        try:
            data, step, pipe = two_steps()
            again = engine.submit(pipe).wait(DEADLINE_S)
            assert again.status == "Completed" and [s.status for s in again.steps] == ["Completed", "Completed"]
            assert engine.output(again.id, step.id, "Results dataset").frame["x"].tolist() == list(range(1, 9))
        finally:
            engine.close()
