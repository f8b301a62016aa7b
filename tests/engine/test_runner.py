"""The runner: parallel branches, reuse, regenerate, cancel, failure isolation, events and logs."""
from __future__ import annotations

import threading
from datetime import datetime

import pytest

from engine.artifacts import ArtifactRef
from engine.engine import Engine, InvalidPipeline
from engine.events import JobEvent, MetricEvent, StepEvent
from tests.engine import fakes
from tests.engine.builders import data_node, node, pipeline, wire


@pytest.fixture
def test_engine(workspace):
    eng = Engine(workspace, registry=fakes.registry(), max_workers=2)
    yield eng
    eng.close()


def record_events(engine):
    events = []
    engine.subscribe(events.append)
    return events


def interval(step):
    return datetime.fromisoformat(step.started), datetime.fromisoformat(step.finished)


def test_independent_branches_run_in_parallel(test_engine):
    a = node("test_slow", Seconds=0.4, Tag="a")
    b = node("test_slow", Seconds=0.4, Tag="b")
    job = test_engine.submit(pipeline(a, b)).wait(30)
    assert job.status == "Completed"
    (a_start, a_end), (b_start, b_end) = interval(job.step(a.id)), interval(job.step(b.id))
    assert a_start < b_end and b_start < a_end  # the two steps overlapped in time


def test_events_follow_each_step_in_order(test_engine):
    events = record_events(test_engine)
    data, step = data_node(), node("test_pass")
    handle = test_engine.submit(pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")]))
    handle.wait(30)
    statuses = [(e.node_id, e.status) for e in events if isinstance(e, StepEvent) and e.progress is None]
    for node_id in (data.id, step.id):
        assert [s for n, s in statuses if n == node_id] == ["Queued", "Running", "Completed"]
    assert statuses.index((data.id, "Completed")) < statuses.index((step.id, "Queued"))
    jobs = [e.status for e in events if isinstance(e, JobEvent)]
    assert jobs == ["Running", "Completed"]
    assert [e.metrics for e in events if isinstance(e, MetricEvent)] == [{"rows": 8.0}]
    completed = [e for e in events if isinstance(e, StepEvent) and e.status == "Completed"]
    assert all(e.duration is not None and e.duration >= 0 for e in completed)


def test_unchanged_steps_are_reused_and_changed_ones_rerun(test_engine):
    data, step = data_node(), node("test_pass")
    pipe = pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")])
    first = test_engine.submit(pipe).wait(30)
    second = test_engine.submit(pipe).wait(30)
    assert [s.status for s in second.steps] == ["Reused", "Reused"]
    assert second.step(step.id).outputs == first.step(step.id).outputs
    assert second.metrics[step.id] == {"rows": 8.0}  # metrics carried over from the reused step
    data.params["Data"] = "x,y,label\n1,2,a\n"
    third = test_engine.submit(pipe).wait(30)
    assert [s.status for s in third.steps] == ["Completed", "Completed"]


def test_regenerate_all_and_per_node(test_engine):
    data, step = data_node(), node("test_pass")
    pipe = pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")])
    test_engine.submit(pipe).wait(30)
    job = test_engine.submit(pipe, regenerate=True).wait(30)
    assert [s.status for s in job.steps] == ["Completed", "Completed"]
    step.regenerate = True
    job = test_engine.submit(pipe).wait(30)
    assert [job.step(data.id).status, job.step(step.id).status] == ["Reused", "Completed"]


@pytest.mark.parametrize("damage", ["missing", "altered"])
def test_a_missing_or_altered_artifact_is_recomputed_not_reused(test_engine, workspace, damage):
    data, step = data_node(), node("test_pass")
    pipe = pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")])
    job = test_engine.submit(pipe).wait(30)
    path = workspace.artifacts.path(ArtifactRef.from_dict(job.step(data.id).outputs["Dataset"]))
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes(path.read_bytes()[:-8] + b"tampered")
    again = test_engine.submit(pipe).wait(30)
    assert again.status == "Completed", again.error
    assert [again.step(data.id).status, again.step(step.id).status] == ["Completed", "Reused"]
    assert "missing or altered on disk, so they were not reused" in again.step(data.id).logs
    assert workspace.artifacts.verify(ArtifactRef.from_dict(again.step(data.id).outputs["Dataset"]))


def test_failure_stops_downstream_but_other_branches_finish(test_engine):
    data = data_node()
    bad = node("test_pass", Behaviour="ComponentError")
    after_bad = node("test_pass")
    good = node("test_slow", Seconds=0.3)
    edges = [wire(data, "Dataset", bad, "Dataset"), wire(bad, "Results dataset", after_bad, "Dataset")]
    job = test_engine.submit(pipeline(data, bad, after_bad, good, edges=edges)).wait(30)
    assert job.status == "Failed"
    assert job.step(bad.id).status == "Failed"
    assert job.step(after_bad.id).status == "NotStarted"
    assert job.step(good.id).status == "Completed"
    error = job.step(bad.id).error
    assert (error["code"], error["name"], error["column"], error["node_name"]) == (
        "0001", "ColumnNotFound", "nope", "Pass Through")
    assert 'Pass Through: Error 0001 (ColumnNotFound): Column with name or index "nope" not found.' in job.error


def test_step_logs_keep_prints_warnings_records_and_the_trace(test_engine):
    data, crash = data_node(), node("test_pass", Behaviour="Crash")
    job = test_engine.submit(pipeline(data, crash, edges=[wire(data, "Dataset", crash, "Dataset")])).wait(30)
    step = job.step(crash.id)
    assert step.status == "Failed"
    assert step.error["code"] == "1000" and "ZeroDivisionError: division by zero" in step.error["message"]
    assert "hello from the step" in step.logs
    assert "a warning from the step" in step.logs
    assert "a log record from the step" in step.logs
    assert "Traceback (most recent call last)" in step.logs and "_pass_run" in step.logs


def test_cancel_ends_the_job_canceled_and_stops_running_steps(test_engine):
    events = record_events(test_engine)
    slow = node("test_slow", Seconds=30)
    after = node("test_pass")
    running = threading.Event()
    test_engine.subscribe(lambda e: running.set() if isinstance(e, StepEvent) and e.status == "Running" else None)
    handle = test_engine.submit(pipeline(slow, after, edges=[wire(slow, "Dataset", after, "Dataset")]))
    assert running.wait(10)
    handle.cancel()
    job = handle.wait(10)
    assert job.status == "Canceled"
    assert job.step(slow.id).status == "Canceled"
    assert job.step(after.id).status == "Canceled"
    assert [e.status for e in events if isinstance(e, JobEvent)][-1] == "Canceled"


def test_cancel_requested_from_another_process_is_honoured(test_engine, workspace):
    slow = node("test_slow", Seconds=30)
    running = threading.Event()
    test_engine.subscribe(lambda e: running.set() if isinstance(e, StepEvent) and e.status == "Running" else None)
    handle = test_engine.submit(pipeline(slow))
    assert running.wait(10)
    workspace.jobs.request_cancel(handle.id)  # what `designer jobs cancel` does from another process
    assert handle.wait(10).status == "Canceled"


def test_invalid_pipeline_is_refused_and_nothing_recorded(test_engine, workspace):
    with pytest.raises(InvalidPipeline, match="Input port \"Dataset\" is required"):
        test_engine.submit(pipeline(node("test_pass")))
    assert workspace.jobs.list() == []


def test_outputs_can_be_read_back(test_engine):
    data = data_node()
    job = test_engine.submit(pipeline(data)).wait(30)
    table = test_engine.output(job.id, data.id, "Dataset")
    assert table.frame.shape == (8, 3)
    with pytest.raises(KeyError, match="has no output"):
        test_engine.output(job.id, data.id, "Nope")


def test_result_of_a_node_follows_its_current_settings(test_engine):
    data, step = data_node(), node("test_pass")
    pipe = pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")])
    assert test_engine.result_of(pipe, step.id) is None  # never ran
    job = test_engine.submit(pipe).wait(30)
    assert test_engine.result_of(pipe, step.id) == (job.id, step.id)
    data.params["Data"] = "x,y,label\n9,9,z\n"  # an upstream edit: the old result no longer applies
    assert test_engine.result_of(pipe, step.id) is None
    assert test_engine.result_of(pipe, data.id) is None


def test_values_are_dropped_from_memory_once_every_reader_ran(workspace):
    from engine.runner import _UNSET, JobRun
    eng = Engine(workspace, registry=fakes.registry(), max_workers=2)
    data, first, second, last = data_node(), node("test_pass"), node("test_pass"), node("test_pass")
    edges = [wire(data, "Dataset", first, "Dataset"), wire(data, "Dataset", second, "Dataset"),
             wire(first, "Results dataset", last, "Dataset")]
    pipe = pipeline(data, first, second, last, edges=edges)
    job_id = workspace.jobs.create(pipe, "memory")
    run = JobRun(job_id, pipe, registry=eng.registry, workspace=workspace, bus=eng.bus, targets=eng.targets)
    assert run.execute() == "Completed"
    assert run.outputs[(data.id, "Dataset")].value is _UNSET  # read by both readers, then let go
    assert run.outputs[(first.id, "Results dataset")].value is _UNSET
    assert run.outputs[(second.id, "Results dataset")].value is not _UNSET  # nobody reads it: kept as the result
    assert eng.output(job_id, data.id, "Dataset").frame.shape == (8, 3)  # the artifact is still there
    eng.close()


def test_a_data_set_node_hands_on_the_stored_data_set_without_writing_it_again(engine, workspace):
    name = "Palmer penguins"
    data = node("dataset", Dataset=name)
    pick = node("select_columns", **{"Select Columns": ["species", "island"]})
    before = workspace.store.db.execute("select count(*) from artifacts").fetchone()[0]
    job = engine.submit(pipeline(data, pick, edges=[wire(data, "Dataset", pick, "Dataset")]), regenerate=True).wait(60)
    assert job.status == "Completed", job.error
    assert job.step(data.id).outputs["Dataset"]["sha256"] == workspace.datasets.get(name).artifact
    assert workspace.store.db.execute("select count(*) from artifacts").fetchone()[0] == before + 1  # the selection
    assert engine.output(job.id, pick.id, "Results dataset").frame.columns.tolist() == ["species", "island"]


def test_a_regenerated_run_rewrites_a_damaged_file_of_the_same_content(test_engine, workspace):
    data, step = data_node(), node("test_pass")
    pipe = pipeline(data, step, edges=[wire(data, "Dataset", step, "Dataset")])
    job = test_engine.submit(pipe).wait(30)
    ref = ArtifactRef.from_dict(job.step(data.id).outputs["Dataset"])
    workspace.artifacts.path(ref).write_bytes(b"damaged")
    again = test_engine.submit(pipe, regenerate=True).wait(30)
    assert again.status == "Completed", again.error
    assert again.step(data.id).outputs["Dataset"] == ref.to_dict()  # the same content, so the same name
    assert workspace.artifacts.verify(ref)  # and the file holds it again
    assert test_engine.output(again.id, data.id, "Dataset").frame.shape == (8, 3)
