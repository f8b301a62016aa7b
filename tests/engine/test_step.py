"""execute_step is pure and picklable: it runs in another process on artifact files alone, and reports its end."""
from __future__ import annotations

import multiprocessing
import pickle
import queue
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest

from engine.artifacts import ArtifactFiles
from engine.step import CancelFlag, StepSpec, execute_step
from nodes.columns import ColumnSelection
from nodes.registry import default_registry
from nodes.table import Table

SELECT = default_registry()["select_columns"]


def spec(tmp_path, inputs, **fields) -> StepSpec:
    params, problems = SELECT.resolve_params({"Select Columns": ColumnSelection.names("x").to_dict()})
    assert not problems
    return StepSpec("job", "node", SELECT, params, inputs, artifacts=str(tmp_path / "artifacts"), **fields)


def table() -> Table:
    return Table(pd.DataFrame({"x": [1.0, 2.0], "y": ["a", "b"]}))


def test_a_step_runs_in_a_worker_process_on_artifact_files_alone(tmp_path):
    files = ArtifactFiles(tmp_path / "artifacts")
    source = files.write(table())
    step = spec(tmp_path, {"Dataset": source.ref})
    pickle.dumps(step)  # the whole spec travels
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        outcome = pool.submit(execute_step, step).result(timeout=120)
    assert outcome.status == "Completed", outcome.error
    written = outcome.written["Results dataset"]
    assert files.read(written.ref).frame.columns.tolist() == ["x"]
    assert not (tmp_path / "workspace.db").exists()  # no database anywhere: the step touched none


def test_in_memory_inputs_and_reports_through_the_channel(tmp_path):
    reports: queue.Queue = queue.Queue()
    outcome = execute_step(spec(tmp_path, {"Dataset": table()}, channel=reports))
    assert outcome.status == "Completed"
    assert outcome.outputs["Results dataset"].frame.columns.tolist() == ["x"]
    assert reports.get_nowait().kind == "running"


def test_a_component_error_is_a_failed_outcome_naming_node_and_column(tmp_path):
    params, _ = SELECT.resolve_params({"Select Columns": ColumnSelection.names("nope").to_dict()})
    outcome = execute_step(StepSpec("job", "node-1", SELECT, params, {"Dataset": table()}))
    assert outcome.status == "Failed"
    assert (outcome.error["code"], outcome.error["column"], outcome.error["node"], outcome.error["node_name"]) == (
        "0001", "nope", "node-1", "Select Columns in Dataset")
    assert "Column with name or index" in outcome.logs


def test_a_cancelled_job_does_not_start_the_step(tmp_path):
    flag = CancelFlag(str(tmp_path / "cancel" / "job"))
    flag.set()
    assert execute_step(spec(tmp_path, {"Dataset": table()}, cancel=flag)).status == "Canceled"


def test_an_altered_input_artifact_fails_the_step_instead_of_loading(tmp_path):
    files = ArtifactFiles(tmp_path / "artifacts")
    source = files.write(table())
    files.path(source.ref).write_bytes(b"not the table")
    outcome = execute_step(spec(tmp_path, {"Dataset": source.ref}))
    assert outcome.status == "Failed"
    assert outcome.error["code"] == "0158" and "altered" in outcome.error["message"]


def test_an_output_that_cannot_be_written_fails_with_the_reason(tmp_path):
    (tmp_path / "artifacts").write_text("a file where the folder should be")
    outcome = execute_step(spec(tmp_path, {"Dataset": table()}))
    assert outcome.status == "Failed"
    assert 'could not write the output "Results dataset"' in outcome.error["message"]


@pytest.mark.parametrize("kind", ["table", "object"])
def test_an_object_changed_in_place_is_stored_under_its_new_content(tmp_path, kind):
    files = ArtifactFiles(tmp_path)
    value = table() if kind == "table" else {"weights": [1, 2]}
    first = files.write(value).ref
    if kind == "table":
        value.frame.loc[0, "x"] = 99.0
    else:
        value["weights"].append(3)
    second = files.write(value).ref
    assert second != first
    assert files.read(first) != files.read(second) if kind == "object" else (
        files.read(second).frame.loc[0, "x"] == 99.0 and files.read(first).frame.loc[0, "x"] == 1.0)
