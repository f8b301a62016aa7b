"""Compute targets stored in the workspace: the CLI that adds, lists and removes them, validation of unknown ones,
and a scheduler that cannot be reached failing the job before any step runs (no cluster needed)."""
from __future__ import annotations

import json
import socket
import time

import pytest

from engine import dask_compute
from engine.cli import main
from engine.compute_targets import ComputeTargetError, StoredTargets
from engine.engine import Engine, InvalidPipeline
from tests.engine.builders import data_node, node, pipeline, wire


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(workspace, *argv: str) -> int:
    return main(["--workspace", str(workspace.root), *argv])


def test_compute_add_list_remove_from_the_command_line(workspace, capsys):
    assert cli(workspace, "compute", "add", "big", "--kind", "dask", "--address", "tcp://10.0.0.5:8786",
               "--dashboard", "http://10.0.0.5:8787/status") == 0
    assert cli(workspace, "compute", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [(t["name"], t["kind"], t["address"], t["dashboard"]) for t in listed] == [
        ("local", "threads", "", ""), ("local-processes", "processes", "", ""),
        ("big", "dask", "tcp://10.0.0.5:8786", "http://10.0.0.5:8787/status")]
    assert cli(workspace, "compute", "add", "big", "--address", "tcp://10.0.0.6:8786") == 1
    assert 'A compute target named "big" exists already' in capsys.readouterr().err
    assert cli(workspace, "compute", "remove", "big") == 0
    assert [t.name for t in StoredTargets(workspace.store).list()] == ["local", "local-processes"]
    assert cli(workspace, "compute", "remove", "big") == 1
    assert 'There is no compute target "big"' in capsys.readouterr().err


@pytest.mark.parametrize(("name", "address", "dashboard", "message"), [
    ("c", "10.0.0.5:8786", "", "is not a Dask scheduler address"),
    ("c", "tcp://10.0.0.5", "", "is not a Dask scheduler address"),
    ("c", "tcp://10.0.0.5:8786", "10.0.0.5:8787", "is not an http:// or https:// address"),
    ("local-processes", "tcp://10.0.0.5:8786", "", "cannot name a compute target"),
])
def test_a_target_that_cannot_be_added_says_why_and_stores_nothing(workspace, name, address, dashboard, message):
    with pytest.raises(ComputeTargetError, match=message):
        StoredTargets(workspace.store).add(name, address, dashboard)
    assert len(StoredTargets(workspace.store).list()) == 2


def test_built_in_targets_cannot_be_removed_and_test_as_available(workspace, capsys):
    assert cli(workspace, "compute", "remove", "local") == 1
    assert "is built in" in capsys.readouterr().err
    assert cli(workspace, "compute", "test", "local-processes") == 0
    assert "always available" in capsys.readouterr().out


def test_an_unknown_target_on_the_pipeline_or_a_node_is_a_validation_error(workspace):
    engine = Engine(workspace, max_workers=1)
    data, select = data_node(), node("select_columns", **{"Select Columns": ["x"]})
    select.compute = "gpu"
    edges = [wire(data, "Dataset", select, "Dataset")]
    messages = [p.message for p in engine.analyze(pipeline(data, select, edges=edges, default_compute="big")).problems]
    assert messages[0].startswith("The compute target big of the pipeline is invalid; choose one of: local, "
                                  "local-processes.")
    assert "The compute target gpu of Select Columns in Dataset is invalid." in messages
    StoredTargets(workspace.store).add("big", "tcp://10.0.0.5:8786")
    StoredTargets(workspace.store).add("gpu", "tcp://10.0.0.6:8786")
    assert engine.analyze(pipeline(data, select, edges=edges, default_compute="big")).problems == []
    engine.close()


def test_run_with_an_unknown_compute_is_refused_before_anything_runs(workspace, tmp_path, capsys):
    file = tmp_path / "p.json"
    file.write_text(pipeline(data_node()).model_dump_json())
    assert cli(workspace, "run", str(file), "--compute", "nope") == 2
    assert "The compute target nope of the pipeline is invalid" in capsys.readouterr().err
    assert workspace.jobs.list() == []


def test_an_unreachable_scheduler_fails_the_job_fast_before_any_step_runs(workspace, monkeypatch):
    monkeypatch.setattr(dask_compute, "CONNECT_TIMEOUT_SECONDS", 1.0)
    StoredTargets(workspace.store).add("gone", f"tcp://127.0.0.1:{free_port()}")
    engine = Engine(workspace, max_workers=1)
    data, select = data_node(), node("select_columns", **{"Select Columns": ["x"]})
    select.compute = "gone"
    started = time.monotonic()
    job = engine.submit(pipeline(data, select, edges=[wire(data, "Dataset", select, "Dataset")])).wait(30)
    elapsed = time.monotonic() - started
    engine.close()
    assert job.status == "Failed"
    assert job.error.startswith("The compute target gone of Select Columns in Dataset is unreachable: ")
    assert [s.status for s in job.steps] == ["NotStarted", "NotStarted"]
    assert elapsed < 10


def test_a_removed_target_no_longer_validates(workspace):
    StoredTargets(workspace.store).add("big", "tcp://10.0.0.5:8786")
    engine = Engine(workspace, max_workers=1)
    assert "big" in engine.computes
    StoredTargets(workspace.store).remove("big")
    with pytest.raises(InvalidPipeline, match="The compute target big of the pipeline is invalid"):
        engine.submit(pipeline(data_node(), default_compute="big"))
    engine.close()


def test_compute_test_of_an_unreachable_scheduler_says_so(workspace, monkeypatch, capsys):
    monkeypatch.setattr(dask_compute, "CONNECT_TIMEOUT_SECONDS", 1.0)
    StoredTargets(workspace.store).add("gone", f"tcp://127.0.0.1:{free_port()}")
    assert cli(workspace, "compute", "test", "gone") == 1
    assert "The compute target gone is unreachable: " in capsys.readouterr().err
