"""Registering a data set in the app runs off the GUI thread with a progress bar, and Cancel stops it leaving
nothing registered."""
from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pytest
from PySide6.QtWidgets import QDialog, QLabel

from designer_app.datasets_dialog import PROGRESS_STEPS, DatasetsDialog
from nodes import csv_stream


@pytest.fixture
def big_csv(tmp_path, monkeypatch):
    """A CSV of a few hundred KiB read in blocks of 64 KiB: several progress reports."""
    monkeypatch.setattr(csv_stream, "HEAD_BYTES", 1 << 16)
    monkeypatch.setattr(csv_stream, "HEAD_ROWS", 500)
    monkeypatch.setattr(csv_stream, "BLOCK_BYTES", 1 << 16)
    monkeypatch.setattr(csv_stream, "ROW_GROUP_BYTES", 1 << 16)
    rng = np.random.default_rng(0)
    path = tmp_path / "big.csv"
    pd.DataFrame({"x": rng.normal(size=20_000).round(4), "n": np.arange(20_000),
                  "kind": rng.choice(["a", "b"], 20_000)}).to_csv(path, index=False)
    return path


def stored_files(workspace) -> list:
    return sorted(p for p in workspace.artifacts.root.rglob("*") if p.is_file())


def test_registering_shows_progress_to_the_end(workspace, qtbot, big_csv):
    dialog = DatasetsDialog(workspace)
    qtbot.addWidget(dialog)
    page = dialog.register_file(big_csv)
    assert any(label.text() == "3 columns, the first 1,000 rows shown" for label in page.findChildren(QLabel))
    values = []
    page.progressed.connect(values.append)
    with qtbot.waitSignal(page.accepted, timeout=20000):
        page.register_button.click()
        assert page.progress.isVisibleTo(page) and not page.register_button.isEnabled()
    assert len(values) > 2 and values == sorted(values) and values[-1] == PROGRESS_STEPS
    assert page.info.row_count == 20_000 and dialog.selected().name == "big"


def test_cancel_stops_registering_and_leaves_nothing(workspace, qtbot, big_csv):
    before = workspace.datasets.names(), stored_files(workspace)
    dialog = DatasetsDialog(workspace)
    qtbot.addWidget(dialog)
    page = dialog.register_file(big_csv)
    reading, go_on = threading.Event(), threading.Event()
    report = page._report

    def held_report(done: int, total: int) -> None:  # the first report waits until Cancel was pressed
        report(done, total)
        reading.set()
        go_on.wait(10)

    page._report = held_report
    page.register_button.click()
    qtbot.waitUntil(reading.is_set, timeout=10000)
    page.cancel_button.click()
    assert page.isVisible() and not page.cancel_button.isEnabled() and page.progress.format() == "Cancelling…"
    with qtbot.waitSignal(page.rejected, timeout=20000):
        go_on.set()
    assert page.result() == QDialog.DialogCode.Rejected and page.info is None
    assert (workspace.datasets.names(), stored_files(workspace)) == before
