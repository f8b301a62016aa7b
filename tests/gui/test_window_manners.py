"""Secondary windows behave alike: Esc and Ctrl+W close them, they have a Close button, open centred over the
main window, and come back at the size they were left."""
from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from designer_app.preview.viewers import show_output
from tests.gui.run_helpers import EVALUATE_MODEL, SCORE_MODEL, binary_sample, run

KEYS = {"Esc": (QtCore.Qt.Key.Key_Escape, QtCore.Qt.KeyboardModifier.NoModifier),
        "Ctrl+W": (QtCore.Qt.Key.Key_W, QtCore.Qt.KeyboardModifier.ControlModifier)}


@pytest.fixture
def finished_job(engine):
    return run(engine, binary_sample())


def windows(main_window, engine, job_id):
    """Each secondary window, opened as the app opens it."""
    component = engine.registry["evaluate_model"]
    score = engine.registry["score_model"]
    return {
        "job": lambda: main_window.job_windows.open(job_id),
        "preview": lambda: show_output(engine, job_id, SCORE_MODEL, score.outputs[0], main_window),
        "evaluation": lambda: show_output(engine, job_id, EVALUATE_MODEL, component.outputs[0], main_window),
        "datasets": main_window.open_datasets,
        "reference": main_window.show_help,
    }


def close_with(qtbot, window, keys: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key, modifier = KEYS[keys]
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or window, key, modifier)
    qtbot.waitUntil(lambda: not window.isVisible())


@pytest.mark.parametrize("keys", list(KEYS))
def test_every_secondary_window_closes_with_the_keys_and_has_a_close_button(qtbot, main_window, engine,
                                                                            finished_job, keys):
    for name, open_window in windows(main_window, engine, finished_job.id).items():
        window = open_window()
        qtbot.waitExposed(window)
        boxes = window.findChildren(QtWidgets.QDialogButtonBox)
        assert any(b.button(QtWidgets.QDialogButtonBox.StandardButton.Close) for b in boxes), name
        center = main_window.frameGeometry().center()
        assert (window.frameGeometry().center() - center).manhattanLength() <= 6, name
        close_with(qtbot, window, keys)


def test_a_window_comes_back_at_the_size_it_was_left(qtbot, main_window, engine, finished_job):
    view = main_window.job_windows.open(finished_job.id)
    qtbot.waitExposed(view)
    view.resize(1010, 520)
    view.close()
    qtbot.waitUntil(lambda: finished_job.id not in main_window.job_windows.views)
    again = main_window.job_windows.open(finished_job.id)
    assert (again.width(), again.height()) == (1010, 520)


def test_the_bottom_pane_can_stay_low(main_window):
    """No tab of the bottom pane forces it taller than a user may want it (pages scroll instead)."""
    tabs = main_window.bottom_tabs
    assert tabs.minimumSizeHint().height() <= 240
    assert all(tabs.widget(i).minimumSizeHint().height() <= 200 for i in range(tabs.count()))
