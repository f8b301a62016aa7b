"""Helpers for driving the canvas with real mouse and drop events."""
from __future__ import annotations

from PySide6 import QtCore, QtWidgets


def port_point(viewer, port) -> QtCore.QPoint:
    """The viewport position of a port's centre."""
    item = port.view
    return viewer.mapFromScene(item.mapToScene(item.boundingRect().center()))


def drag(qtbot, viewer, start: QtCore.QPoint, end: QtCore.QPoint) -> None:
    """Press at `start`, move to `end` in steps, release: a real dragged wire."""
    viewport = viewer.viewport()
    qtbot.mousePress(viewport, QtCore.Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, QtCore.Qt.MouseButton.LeftButton, pos=end)


def node_by_component(adapter, component_id: str):
    return next(n for n in adapter.to_pipeline().nodes if n.component == component_id)


def click_item(qtbot, view: QtWidgets.QAbstractItemView, index) -> None:
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
