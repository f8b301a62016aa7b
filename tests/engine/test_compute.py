"""Steps on worker processes give what they give on threads; a scheduler that stops leaves no step running."""
from __future__ import annotations

import pandas as pd
import pytest

from engine.engine import Engine
from engine.events import JobEvent
from engine.pipeline import Pipeline
from engine.samples import sample_pipelines
from tests.engine import fakes
from tests.engine.builders import data_node, node, pipeline, wire

SEED = "Random number seed"


def seeded(pipeline: Pipeline, registry) -> Pipeline:
    """The pipeline with every random number seed set, so that two runs can be compared value for value."""
    copy = pipeline.model_copy(deep=True)
    for each in copy.nodes:
        if registry[each.component].param(SEED) is not None:
            each.params[SEED] = 7
    return copy


@pytest.mark.parametrize("name", sorted(sample_pipelines()))
def test_sample_pipelines_give_the_same_metrics_and_fingerprints_on_processes(engine, name):
    sample = seeded(sample_pipelines()[name], engine.registry)
    on_threads = engine.submit(sample.model_copy(update={"default_compute": "local"}), regenerate=True).wait(300)
    on_processes = engine.submit(sample.model_copy(update={"default_compute": "local-processes"}),
                                 regenerate=True).wait(300)
    assert (on_threads.status, on_processes.status) == ("Completed", "Completed"), on_processes.error
    assert on_processes.metrics == on_threads.metrics and on_threads.metrics
    assert {s.node_id: s.fingerprint for s in on_processes.steps} == {s.node_id: s.fingerprint for s in on_threads.steps}
    tables = [(s.node_id, port) for s in on_threads.steps for port, ref in s.outputs.items() if ref["kind"] == "table"]
    for node_id, port in tables:  # the same data sets, value for value
        pd.testing.assert_frame_equal(engine.output(on_processes.id, node_id, port).frame,
                                      engine.output(on_threads.id, node_id, port).frame)


def test_one_node_on_processes_reads_and_feeds_its_neighbours_through_artifacts(workspace):
    engine = Engine(workspace, registry=fakes.registry(), max_workers=2)
    data, middle, last = data_node(), node("select_columns", **{"Select Columns": ["x", "label"]}), node("test_pass")
    middle.compute = "local-processes"
    edges = [wire(data, "Dataset", middle, "Dataset"), wire(middle, "Results dataset", last, "Dataset")]
    job = engine.submit(pipeline(data, middle, last, edges=edges)).wait(300)
    engine.close()
    assert job.status == "Completed", job.error
    assert [s.status for s in job.steps] == ["Completed"] * 3
    assert job.metrics[last.id] == {"rows": 8.0}


def test_a_scheduler_that_stops_fails_the_job_and_leaves_no_step_queued_or_running(workspace, monkeypatch):
    engine = Engine(workspace, registry=fakes.registry(), max_workers=2)
    events = []
    engine.subscribe(events.append)
    real = workspace.jobs.remember

    def full_disk(fingerprint, outputs, metrics, logs, job_id, node_id):
        if node_id == slow.id:
            raise OSError(28, "No space left on device")
        return real(fingerprint, outputs, metrics, logs, job_id, node_id)

    monkeypatch.setattr(workspace.jobs, "remember", full_disk)
    slow, long, after = node("test_slow", Seconds=0.05), node("test_slow", Seconds=30, Tag="b"), node("test_pass")
    job = engine.submit(pipeline(slow, long, after, edges=[wire(slow, "Dataset", after, "Dataset")])).wait(60)
    engine.close()
    assert job.status == "Failed"
    assert "No space left on device" in job.error
    assert not [s for s in job.steps if s.status in ("Queued", "Running", "NotStarted")]
    assert job.step(long.id).status in ("Failed", "Canceled") and job.step(after.id).status == "Canceled"
    assert [e.status for e in events if isinstance(e, JobEvent)][-1] == "Failed"
