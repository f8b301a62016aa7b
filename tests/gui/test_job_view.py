"""A job opened read-only: live per-node status, a failed step's error in Outputs + logs, Cancel, Clone,
Resubmit, and the jobs list."""
from __future__ import annotations

import pandas as pd

from designer_app.jobs.job_view import JobView
from designer_app.jobs.jobs_panel import JobsPanel
from nodes.ports import EVALUATION_VIEWER
from tests.gui.run_helpers import binary_sample, run, slow_pipeline, training_pipeline


def three_classes() -> pd.DataFrame:
    return pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "label": ["a", "b", "c", "a", "b", "c"]})


def test_a_failing_node_shows_failed_and_its_error_in_the_logs_panel(engine, bridge, qtbot):
    pipeline, nodes = training_pipeline(three_classes(), "label")
    assert engine.analyze(pipeline).problems == []  # only the run can tell the label has 3 classes
    handle = engine.submit(pipeline)
    view = JobView(engine, bridge, handle.id)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.job.status == "Failed", timeout=30000)
    train = view.step_items[nodes["train"].id]
    assert train.text(1) == "Failed"
    assert view.step_items[nodes["score"].id].text(1) != "Completed"
    view.select_node(nodes["train"].id)
    assert view.logs.error.isVisibleTo(view)
    assert "Error 0" in view.logs.error.text() and "exactly 2 classes" in view.logs.error.text()
    assert "exactly 2 classes" in view.error.text()


def test_cancel_stops_a_running_job(slow_engine, qtbot):
    from designer_app.engine_bridge import EngineBridge
    bridge = EngineBridge(slow_engine)
    pipeline, nodes = slow_pipeline()
    panel = JobsPanel(slow_engine, bridge)
    qtbot.addWidget(panel)
    handle = slow_engine.submit(pipeline, experiment="Slow")
    view = JobView(slow_engine, bridge, handle.id)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: handle.id in panel.rows, timeout=10000)
    qtbot.waitUntil(lambda: view.step_items[nodes["slow"].id].text(1) == "Running", timeout=20000)
    assert view.clock.ticker.isActive()  # the snapshot's badge counts the elapsed time up
    assert view.canvas.status_text(nodes["slow"].id).startswith("Running") and \
        view.canvas.status_text(nodes["slow"].id).endswith(" s")
    panel.select_job(handle.id)
    assert panel.cancel_action.isEnabled() and view.cancel_button.isVisibleTo(view)
    panel.cancel_action.trigger()
    qtbot.waitUntil(lambda: view.job.status == "Canceled", timeout=20000)
    assert view.step_items[nodes["slow"].id].text(1) == "Canceled"  # stopped inside the step
    assert view.step_items[nodes["after"].id].text(1) == "Canceled"
    assert panel.rows[handle.id][1].text() == "Canceled"
    assert not view.cancel_button.isVisibleTo(view)
    assert not view.clock.ticker.isActive()
    bridge.close()


def test_clone_creates_a_draft_with_the_same_nodes(engine, bridge, qtbot):
    job = run(engine, binary_sample())
    view = JobView(engine, bridge, job.id)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.cloned) as cloned:
        view.clone_button.click()
    draft = engine.workspace.drafts.load(cloned.args[0])
    assert [(n.id, n.component, n.params) for n in draft.nodes] == \
        [(n.id, n.component, n.params) for n in job.pipeline.nodes]
    assert draft.edges == job.pipeline.edges


def test_job_view_tabs_show_parameters_outputs_and_metrics(engine, bridge, qtbot):
    job = run(engine, binary_sample())
    view = JobView(engine, bridge, job.id)
    qtbot.addWidget(view)
    evaluate = next(n.id for n in job.pipeline.nodes if n.component == "evaluate_model")
    split = next(n.id for n in job.pipeline.nodes if n.component == "split_data")
    view.select_node(split)
    parameters = {view.parameters.topLevelItem(i).text(0): view.parameters.topLevelItem(i).text(1)
                  for i in range(view.parameters.topLevelItemCount())}
    assert parameters["Stratification key column"] == "diagnosis"
    view.select_node(evaluate)
    metrics = {view.metrics.topLevelItem(i).text(0) for i in range(view.metrics.topLevelItemCount())}
    assert {"AUC", "Accuracy", "TP"} <= metrics
    with qtbot.waitSignal(view.output_requested) as requested:
        view.outputs.findChildren(type(view.clone_button))[-1].click()
    assert requested.args[2].name == "Evaluation results" and requested.args[2].viewer == EVALUATION_VIEWER


def test_resubmit_with_other_parameter_values(engine, bridge, qtbot, isolated_settings):
    job = run(engine, binary_sample(), experiment="Breast cancer", display_name="First")
    view = JobView(engine, bridge, job.id)
    qtbot.addWidget(view)
    dialog = view.resubmit()
    assert dialog.experiment.currentText() == "Breast cancer" and dialog.display_name.text() == "First"
    dialog.display_name.setText("Second")
    with qtbot.waitSignal(view.resubmitted) as resubmitted:
        dialog.submit_button.click()
    second = engine.workspace.jobs.get(resubmitted.args[0])
    assert second.display_name == "Second" and second.id != job.id


def test_jobs_panel_groups_jobs_by_experiment_and_opens_them(engine, bridge, qtbot):
    first = run(engine, binary_sample(), experiment="A")
    panel = JobsPanel(engine, bridge)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(bridge.job_event, check_params_cb=lambda e: e.status == "Completed", timeout=30000):
        engine.submit(binary_sample(), experiment="B")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.model.item(0).text().startswith("A") or panel.model.item(1).text().startswith("A")
    panel.select_job(first.id)
    assert panel.rows[first.id][1].text() == "Completed" and panel.rows[first.id][3].text().endswith("s")
    with qtbot.waitSignal(panel.job_opened) as opened:
        panel.open_action.trigger()
    assert opened.args == [first.id]
    with qtbot.waitSignal(panel.clone_requested):
        panel.clone_action.trigger()
