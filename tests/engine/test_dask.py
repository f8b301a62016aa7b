"""Steps on a Dask cluster (a 2-worker LocalCluster these tests start once) give what they give on threads, with
the same events, logs, reuse, cancellation and failure reporting; inputs travel as files or as bytes."""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import dask
import pandas as pd
import pytest
from distributed import LocalCluster

from engine import dask_compute
from engine.cli import main
from engine.compute_targets import StoredTargets
from engine.engine import Engine
from engine.events import MetricEvent, StepEvent
from engine.samples import sample_pipelines
from nodes.component import Component
from nodes.params import Mode, String
from nodes.ports import DataFrame
from nodes.registry import Registry
from nodes.table import Table
from tests.engine import fakes
from tests.engine.builders import data_node, node, pipeline, wire
from tests.engine.test_compute import seeded

CLUSTER = "cluster"
DASHBOARD = "http://127.0.0.1:8787/status"
SAMPLES = ("Binary Classification: Breast cancer diagnosis", "Regression: Automobile fuel economy (Basic)",
           "Tune Parameters: Breast cancer diagnosis")  # a classifier, a regressor, a joblib sweep


def _die_run(ctx, inputs, params):
    """Kills the worker process running it: the first time only (the marker file says it did), or always."""
    marker = Path(params["Marker"])
    if params["Times"] == "Always" or not marker.exists():
        marker.touch()
        time.sleep(0.5)  # the step's "running" report reaches the client first
        os.kill(os.getpid(), signal.SIGKILL)
    return {"Dataset": Table(pd.DataFrame({"x": [1.0]}))}


def _die_configure(ctx, inputs, params):
    return {"Dataset": Table(pd.DataFrame({"x": [1.0]})).schema}


DIE = Component(id="test_die", name="Worker Killer", category="Data Input and Output", description="kills its worker",
                outputs=(DataFrame("Dataset"),), params=(String("Marker"), Mode("Times", ["Once", "Always"])), run=_die_run,
                configure=_die_configure)


@pytest.fixture(scope="module")
def cluster():
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


@pytest.fixture(params=["shared", "sent"])
def files(request, monkeypatch):
    """Workers that read the workspace's files ("shared"), or none that does, so inputs go as bytes ("sent")."""
    if request.param == "sent":
        monkeypatch.setattr(dask_compute, "_sharing_hosts", lambda client, artifacts: (set(), {"127.0.0.1"}))
    return request.param


def on_cluster(workspace, cluster, registry: Registry | None = None) -> Engine:
    StoredTargets(workspace.store).add(CLUSTER, cluster.scheduler_address, DASHBOARD)
    return Engine(workspace, registry=registry or fakes.registry(), max_workers=2)


def where_ran(job) -> dict[str, bool]:
    return {s.name: f"of the compute target {CLUSTER}" in (s.logs or "") for s in job.steps}


@pytest.mark.parametrize(("name", "files"), [*((name, "shared") for name in SAMPLES), (SAMPLES[0], "sent")],
                         indirect=["files"])
def test_sample_pipelines_give_the_same_metrics_fingerprints_and_tables_on_the_cluster(workspace, cluster, files,
                                                                                        name):
    engine = on_cluster(workspace, cluster)
    sample = seeded(sample_pipelines()[name], engine.registry)  # a KeyError here: a sample was renamed
    on_threads = engine.submit(sample.model_copy(update={"default_compute": "local"}), regenerate=True).wait(300)
    on_dask = engine.submit(sample.model_copy(update={"default_compute": CLUSTER}), regenerate=True).wait(300)
    assert (on_threads.status, on_dask.status) == ("Completed", "Completed"), on_dask.error
    assert all(where_ran(on_dask).values()) and not any(where_ran(on_threads).values())
    assert ("its inputs were sent" in on_dask.steps[-1].logs) == (files == "sent")
    assert on_dask.metrics == on_threads.metrics and on_threads.metrics
    assert {s.node_id: s.fingerprint for s in on_dask.steps} == {s.node_id: s.fingerprint for s in on_threads.steps}
    tables = [(s.node_id, port) for s in on_threads.steps for port, ref in s.outputs.items() if ref["kind"] == "table"]
    for node_id, port in tables:
        pd.testing.assert_frame_equal(engine.output(on_dask.id, node_id, port).frame,
                                      engine.output(on_threads.id, node_id, port).frame)
    engine.close()


def test_a_node_override_sends_only_that_node_with_the_same_events_logs_and_reuse(workspace, cluster, files):
    engine = on_cluster(workspace, cluster)
    events = []
    engine.subscribe(events.append)
    data, middle, last = data_node(), node("test_pass"), node("select_columns", **{"Select Columns": ["x"]})
    middle.compute = CLUSTER
    edges = [wire(data, "Dataset", middle, "Dataset"), wire(middle, "Results dataset", last, "Dataset")]
    job = engine.submit(pipeline(data, middle, last, edges=edges)).wait(120)
    assert job.status == "Completed", job.error
    assert where_ran(job) == {"Enter Data Manually": False, "Pass Through": True, "Select Columns in Dataset": False}
    assert "hello from the step" in job.step(middle.id).logs
    assert job.metrics[middle.id] == {"rows": 8.0}
    assert [e.status for e in events if isinstance(e, StepEvent) and e.node_id == middle.id and e.progress is None] \
        == ["Queued", "Running", "Completed"]
    assert any(isinstance(e, MetricEvent) and e.node_id == middle.id for e in events)
    assert list(engine.output(job.id, last.id, "Results dataset").frame.columns) == ["x"]
    again = engine.submit(pipeline(data, middle, last, edges=edges)).wait(120)
    assert [s.status for s in again.steps] == ["Reused"] * 3
    engine.close()


def test_a_failing_step_on_the_cluster_fails_alone(workspace, cluster):
    engine = on_cluster(workspace, cluster)
    data, crash, other = data_node(), node("test_pass", Behaviour="Crash"), node("test_slow", Seconds=0.1)
    job = engine.submit(pipeline(data, crash, other, edges=[wire(data, "Dataset", crash, "Dataset")],
                                 default_compute=CLUSTER)).wait(120)
    engine.close()
    assert job.status == "Failed"
    assert job.step(crash.id).status == "Failed" and job.step(other.id).status == "Completed"
    assert job.step(crash.id).error["name"] == "LibraryException"
    assert "ZeroDivisionError" in job.step(crash.id).logs


def test_cancel_reaches_a_step_running_on_the_cluster(workspace, cluster, files):
    engine = on_cluster(workspace, cluster)
    slow = node("test_slow", Seconds=60)
    running = threading.Event()
    engine.subscribe(lambda e: running.set() if isinstance(e, StepEvent) and e.status == "Running" else None)
    handle = engine.submit(pipeline(slow, default_compute=CLUSTER))
    assert running.wait(30)
    started = time.monotonic()
    handle.cancel()
    job = handle.wait(30)
    assert job.status == "Canceled" and job.step(slow.id).status == "Canceled"
    assert time.monotonic() - started < 10
    engine.close()


def test_compute_test_reports_the_workers_and_refuses_other_versions(workspace, cluster, capsys, monkeypatch):
    StoredTargets(workspace.store).add(CLUSTER, cluster.scheduler_address)
    assert main(["--workspace", str(workspace.root), "compute", "test", CLUSTER]) == 0
    out = capsys.readouterr().out
    assert "2 worker(s), 2 core(s)" in out
    assert out.count(f"pandas {pd.__version__}") == 2 and "scikit-learn" in out and "GiB" in out
    monkeypatch.setattr(pd, "__version__", "0.1")  # here only: the workers report their own
    assert main(["--workspace", str(workspace.root), "compute", "test", CLUSTER]) == 1
    error = capsys.readouterr().err
    assert "its versions differ" in error and "pandas" in error and "(here 0.1)" in error


def test_run_compute_overrides_the_pipeline_default(workspace, cluster, tmp_path):
    StoredTargets(workspace.store).add(CLUSTER, cluster.scheduler_address)
    file = tmp_path / "p.json"
    file.write_text(pipeline(data_node()).model_dump_json())
    assert main(["--workspace", str(workspace.root), "run", str(file), "--compute", CLUSTER]) == 0
    job = workspace.jobs.get(workspace.jobs.list()[0].id)
    assert job.pipeline.default_compute == CLUSTER
    assert f"of the compute target {CLUSTER}" in job.steps[0].logs


def test_a_worker_lost_mid_step_runs_it_once_more_and_the_log_says_so(workspace, cluster, tmp_path):
    registry = Registry([*fakes.registry(), DIE])
    engine = on_cluster(workspace, cluster, registry)
    once = node("test_die", Marker=str(tmp_path / "died-once"))
    job = engine.submit(pipeline(once, default_compute=CLUSTER)).wait(120)
    assert job.status == "Completed", job.error
    assert "The worker running this step was lost; the step was run again (2 runs in all)." in job.steps[0].logs
    engine.close()


def test_a_cross_validation_on_the_cluster_fans_its_fits_out_with_the_same_results(workspace, cluster):
    engine = on_cluster(workspace, cluster)
    rows = "\n".join(f"{i},{(i * 7) % 11},{'ab'[(i * 3) % 5 > 1]}" for i in range(40))
    data, learner = data_node("x,y,label\n" + rows), node("two_class_logistic_regression")
    folds = node("cross_validate_model", **{"Label column": ["label"], "Random seed": 3})
    edges = [wire(data, "Dataset", folds, "Dataset"), wire(learner, "Untrained model", folds, "Untrained model")]
    sweep = pipeline(data, learner, folds, edges=edges)
    on_threads = engine.submit(sweep, regenerate=True).wait(120)
    on_dask = engine.submit(sweep.model_copy(update={"default_compute": CLUSTER}), regenerate=True).wait(120)
    engine.close()
    assert (on_threads.status, on_dask.status) == ("Completed", "Completed"), on_dask.error
    for port in ("Scored results", "Evaluation results by fold"):
        pd.testing.assert_frame_equal(engine.output(on_dask.id, folds.id, port).frame,
                                      engine.output(on_threads.id, folds.id, port).frame)
    assert any("_fit_and_score" in prefix for prefix in cluster.scheduler.task_prefixes)  # one task per fold


def test_a_step_whose_worker_is_lost_twice_fails_and_the_job_says_why(workspace, cluster, tmp_path):
    """Last in this module: both workers die, and nothing after it waits for them to come back."""
    engine = on_cluster(workspace, cluster, Registry([*fakes.registry(), DIE]))
    always = node("test_die", Marker=str(tmp_path / "died"), Times="Always")
    job = engine.submit(pipeline(always, default_compute=CLUSTER)).wait(120)
    engine.close()
    assert job.status == "Failed" and job.steps[0].status == "Failed"
    assert job.error.startswith(f'Worker Killer: Error 1000 (LibraryException): The compute target "{CLUSTER}" '
                                "could not run Worker Killer: KilledWorker")
