"""Feedback on a submitted job: the status bar counts steps and time, ends Completed or Failed at the failing
node (a click shows it), the Jobs tab comes forward on submit, and a long job's end is announced."""
from __future__ import annotations

import pandas as pd
from PySide6 import QtCore

from designer_app import job_progress
from tests.gui.run_helpers import slow_pipeline, training_pipeline
from tests.gui.test_main_window_run import TIMEOUT, submit


def test_status_bar_follows_a_job_to_completed(main_window, qtbot):
    job_id = submit(qtbot, main_window)
    progress = main_window.progress
    assert main_window.bottom_tabs.currentWidget() is main_window.jobs
    total = len(main_window.engine.workspace.jobs.get(job_id).pipeline.nodes)
    assert f"of {total} steps" in progress.text() or "Completed" in progress.text()
    qtbot.waitUntil(lambda: "Completed in" in progress.text(), timeout=TIMEOUT)
    assert progress.failed_node is None


def test_a_failed_job_names_its_node_and_a_click_selects_it(main_window, qtbot):
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "label": ["a", "b", "c", "a", "b", "c"]})
    pipeline, nodes = training_pipeline(frame, "label")
    main_window.drafts.new(pipeline)
    submit(qtbot, main_window)
    progress = main_window.progress
    qtbot.waitUntil(lambda: "Failed" in progress.text(), timeout=TIMEOUT)
    assert "at Train Model (click to show it)" in progress.text()
    main_window.adapter.select(nodes["data"].id)
    main_window.bottom_tabs.setCurrentWidget(main_window.jobs)
    qtbot.mouseClick(progress, QtCore.Qt.MouseButton.LeftButton)
    assert main_window.adapter.selected_uuids() == [nodes["train"].id]
    assert main_window.bottom_tabs.currentWidget() is main_window.step_logs


def test_a_long_job_is_announced_when_it_ends(qtbot, open_main_window, slow_engine, monkeypatch):
    monkeypatch.setattr(job_progress, "ANNOUNCE_AFTER", 0.2)
    window = open_main_window(slow_engine)
    pipeline, nodes = slow_pipeline(seconds=0.5)
    window.drafts.new(pipeline)
    with qtbot.waitSignal(window.progress.announced, timeout=TIMEOUT) as announced:
        submit(qtbot, window)
    assert announced.args[0].startswith("Job ") and "completed after" in announced.args[0]
    assert "completed after" in window.statusBar().currentMessage()
