"""Running from the main window, end to end: Submit (validated off the GUI thread), live badges on the editor's
nodes, Cancel, step logs of the selected node, jobs list (open, clone), "Preview data" from the node context
menu, and data sets registered from the File menu."""
from __future__ import annotations

import threading

import pandas as pd
from PySide6 import QtCore, QtGui, QtWidgets

from designer_app.jobs.job_view import JobView
from designer_app.palette import MY_GROUP, SAMPLE_GROUP
from designer_app.preview.evaluation_view import EvaluationView
from designer_app.preview.preview_dialog import PreviewDialog
from designer_app.submit_dialog import SubmitDialog
from engine.samples import SAMPLE_DATASETS
from tests.gui.run_helpers import EVALUATE_MODEL, SCORE_MODEL, binary_sample, run, slow_pipeline, training_pipeline

TIMEOUT = 30000


def submit(qtbot, window, open_dialog=None) -> str:
    """Submit the open draft through the toolbar action (or `open_dialog`) and the dialog; returns the job id."""
    (open_dialog or window.actions["submit"].trigger)()
    dialog = window.findChild(SubmitDialog)
    assert dialog.isVisible() and dialog.submit_button.isEnabled()
    with qtbot.waitSignal(window.run.submitted, timeout=TIMEOUT) as submitted:
        dialog.submit_button.click()
    return submitted.args[0]


def badges(window) -> dict[str, str | None]:
    return {n.id: window.adapter.status_text(n.id) for n in window.adapter.to_pipeline().nodes}


def wait_for_badges(qtbot, window, status: str, node_ids=None) -> None:
    def reached() -> bool:
        texts = badges(window)
        return all((texts[n] or "").startswith(status) for n in node_ids or texts)
    qtbot.waitUntil(reached, timeout=TIMEOUT)


def context_menu(qtbot, window, node_id: str) -> dict[str, QtGui.QAction]:
    """Open the node's context menu as a right-click does; its entries by text."""
    window.adapter.menu_requested.emit(node_id, QtCore.QPoint(200, 200))
    menu = next(m for m in window.findChildren(QtWidgets.QMenu) if m.isVisible())
    entries = {a.text(): a for a in menu.actions()}
    menu.close()
    return entries


def test_submit_runs_off_the_gui_thread_and_badges_end_completed(main_window, engine, qtbot, monkeypatch):
    threads = []
    original = engine.submit
    monkeypatch.setattr(engine, "submit", lambda *a, **k: threads.append(threading.current_thread()) or
                        original(*a, **k))
    job_id = submit(qtbot, main_window, lambda: qtbot.keyClick(main_window.adapter.widget, QtCore.Qt.Key.Key_Return,
                                                               QtCore.Qt.KeyboardModifier.ControlModifier))
    assert threads and threading.main_thread() not in threads
    assert main_window.actions["cancel_run"].isEnabled() or engine.workspace.jobs.get(job_id).status == "Completed"
    wait_for_badges(qtbot, main_window, "Completed")
    qtbot.waitUntil(lambda: not main_window.actions["cancel_run"].isEnabled())
    assert job_id in main_window.jobs.rows

    pipeline = main_window.adapter.to_pipeline()
    edited = next(n for n in pipeline.nodes if n.component == "split_data")
    main_window.adapter.set_param(edited.id, "Random seed", 7)
    texts = badges(main_window)
    assert texts[edited.id] is None and texts[next(n.id for n in pipeline.nodes if n.component == "dataset")]
    assert all(texts[e.target] is None for e in pipeline.edges if e.source == edited.id)

    select = next(n for n in pipeline.nodes if n.component == "select_columns")
    in_port = main_window.adapter.node(select.id).inputs()["Dataset"]
    in_port.disconnect_from(in_port.connected_ports()[0])  # a rewired node's result is stale too
    assert badges(main_window)[select.id] is None


def test_a_failing_node_shows_failed_and_its_error_in_the_step_logs(main_window, qtbot):
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "label": ["a", "b", "c", "a", "b", "c"]})
    pipeline, nodes = training_pipeline(frame, "label")
    main_window.drafts.new(pipeline)
    submit(qtbot, main_window)
    wait_for_badges(qtbot, main_window, "Failed", [nodes["train"].id])
    logs = main_window.step_logs
    tab = main_window.bottom_tabs
    qtbot.waitUntil(lambda: tab.currentWidget() is logs)  # the failure is brought to the front by itself
    assert main_window.adapter.selected_uuids() == [nodes["train"].id]
    assert tab.tabText(tab.indexOf(logs)) == "Step logs"
    assert logs.node_id == nodes["train"].id and "Failed" in logs.state.text()
    assert logs.error.isVisibleTo(logs) and "exactly 2 classes" in logs.error.text()


def test_cancel_from_the_toolbar_ends_a_slow_job_canceled(qtbot, open_main_window, slow_engine):
    window = open_main_window(slow_engine)
    pipeline, nodes = slow_pipeline()
    window.drafts.new(pipeline)
    job_id = submit(qtbot, window)
    slow = nodes["slow"].id
    qtbot.waitUntil(lambda: (window.adapter.status_text(slow) or "").startswith("Running"), timeout=TIMEOUT)
    assert window.run.clock.ticker.isActive() and window.adapter.status_text(slow).endswith(" s")
    assert window.actions["cancel_run"].isEnabled()
    window.actions["cancel_run"].trigger()
    qtbot.waitUntil(lambda: not window.actions["cancel_run"].isEnabled(), timeout=TIMEOUT)
    assert slow_engine.workspace.jobs.get(job_id).status == "Canceled"
    assert all(window.adapter.status_text(n).startswith("Canceled") for n in (slow, nodes["after"].id))
    assert not window.run.clock.ticker.isActive()


def test_jobs_panel_opens_a_job_window_and_clones_into_the_editor(main_window, engine, qtbot):
    job = run(engine, binary_sample())
    qtbot.waitUntil(lambda: job.id in main_window.jobs.rows)
    main_window.jobs.select_job(job.id)
    main_window.jobs.open_action.trigger()
    view = main_window.job_windows.views[job.id]
    assert isinstance(view, JobView) and view.isVisible() and view.isWindow()
    view.close()
    qtbot.waitUntil(lambda: job.id not in main_window.job_windows.views)

    before = main_window.drafts.current
    main_window.jobs.clone_action.trigger()
    assert main_window.drafts.current != before
    assert [(n.id, n.component) for n in main_window.adapter.to_pipeline().nodes] == \
        [(n.id, n.component) for n in job.pipeline.nodes]


def test_preview_data_from_the_node_context_menu(main_window, engine, qtbot):
    main_window.drafts.new(binary_sample())
    entries = context_menu(qtbot, main_window, SCORE_MODEL)
    assert not entries["Preview data"].isEnabled() and "not run" in entries["Preview data"].toolTip()
    run(engine, binary_sample())

    entries = context_menu(qtbot, main_window, SCORE_MODEL)
    ports = {a.text(): a for a in entries["Preview data"].menu().actions()}
    assert entries["Preview data"].isEnabled() and list(ports) == ["Scored dataset"]
    assert not entries["Visualize evaluation"].isVisible()
    ports["Scored dataset"].trigger()
    dialog = main_window.findChild(PreviewDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Score Model › Scored dataset"
    qtbot.waitUntil(lambda: dialog.summary is not None)  # the output is read off the GUI thread
    assert dialog.model.rowCount() > 0 and "Scored Labels" in list(dialog.model.frame.columns)
    dialog.close()

    entries = context_menu(qtbot, main_window, EVALUATE_MODEL)
    assert entries["Visualize evaluation"].isVisible() and entries["Visualize evaluation"].isEnabled()
    assert not entries["Preview data"].isVisible()  # its one output declares the evaluation viewer
    results = {a.text(): a for a in entries["Visualize evaluation"].menu().actions()}
    results["Evaluation results"].trigger()
    view = main_window.findChild(EvaluationView)
    assert view.isVisible() and view.isWindow() and view.inputs[0].task is not None
    assert view.windowTitle() == "Evaluate Model › Evaluation results"

    split = next(n for n in main_window.adapter.to_pipeline().nodes if n.component == "split_data")
    main_window.adapter.set_param(split.id, "Random seed", 99)  # upstream edit: the scored data is stale now
    entries = context_menu(qtbot, main_window, SCORE_MODEL)
    assert not entries["Preview data"].isEnabled() and "current settings" in entries["Preview data"].toolTip()


def test_registered_data_sets_appear_under_my_data_sets(main_window, qtbot, tmp_path):
    csv = tmp_path / "flowers.csv"
    pd.DataFrame({"petal": [1.5, 2.5, 3.5], "kind": ["a", "b", "a"]}).to_csv(csv, index=False)
    dialog = main_window.open_datasets()
    page = dialog.register_file(csv)
    page.name.setCurrentText("Flowers")
    with qtbot.waitSignal(page.accepted):  # registering runs off the GUI thread
        page.register_button.click()
    model = main_window.palette.model
    groups = {model.item(r).text(): [model.item(r).child(c).text() for c in range(model.item(r).rowCount())]
              for r in range(model.rowCount())}
    assert groups[MY_GROUP] == ["Flowers"]
    assert sorted(groups[SAMPLE_GROUP]) == sorted(SAMPLE_DATASETS)



def test_a_reopened_draft_shows_its_last_run_on_unchanged_nodes(qtbot, open_main_window, engine):
    window = open_main_window(engine)
    submit(qtbot, window)
    wait_for_badges(qtbot, window, "Completed")
    pipeline = window.adapter.to_pipeline()
    split = next(n for n in pipeline.nodes if n.component == "split_data")
    window.close()
    edited = pipeline.model_copy(deep=True)
    edited.node(split.id).params["Random seed"] = 5  # changed while the app was closed
    engine.workspace.drafts.save(window.drafts.current, edited)

    again = open_main_window(engine)
    texts = badges(again)
    fed = {e.target for e in pipeline.edges if e.source == split.id}
    dataset = next(n.id for n in pipeline.nodes if n.component == "dataset")
    assert texts[dataset].startswith("Completed")  # unchanged: its last result still holds
    assert texts[split.id] is None and all(texts[n] is None for n in fed)  # changed: no stale status
