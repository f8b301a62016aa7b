"""In a job's window, a click on a node of the graph selects its step in the list (and the list, the node)."""
from __future__ import annotations

from PySide6 import QtCore

from tests.gui.run_helpers import SCORE_MODEL, TRAIN_MODEL, binary_sample, run


def test_a_click_on_a_node_selects_its_step_and_back(qtbot, main_window, engine):
    job = run(engine, binary_sample())
    view = main_window.job_windows.open(job.id)
    qtbot.waitExposed(view)
    viewer = view.canvas.viewer
    node = view.canvas.node(SCORE_MODEL).view
    point = viewer.mapFromScene(node.sceneBoundingRect().center())
    assert view.canvas.node_at(point) == SCORE_MODEL
    qtbot.mouseClick(viewer.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=point)
    assert view.node_id == SCORE_MODEL and view.steps.currentItem() is view.step_items[SCORE_MODEL]
    assert view.canvas.selected_uuids() == [SCORE_MODEL]
    view.steps.setCurrentItem(view.step_items[TRAIN_MODEL])
    assert view.canvas.selected_uuids() == [TRAIN_MODEL]
    empty = viewer.mapFromScene(node.sceneBoundingRect().bottomRight() + QtCore.QPointF(400, 400))
    assert view.canvas.node_at(empty) is None
