"""The app's viewers, by the name an output port declares (`Port.viewer`), each opening its own window.

The windows are imported when first opened (nodes.lazy.Lazy): the evaluation view needs scikit-learn's metrics,
which the app does not load to start."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from designer_app.window_manners import behave
from engine.engine import Engine
from nodes.lazy import Lazy
from nodes.ports import EVALUATION_VIEWER, IMAGES_VIEWER, TABLE_VIEWER, Port

Window = Callable[[Engine, str, str, str, QWidget | None], QWidget]


@dataclass(frozen=True)
class Viewer:
    """What the menu entry or button says (`label`) and the window it opens on (engine, job, node, port)."""

    label: str
    window: Window


VIEWERS: dict[str, Viewer] = {
    TABLE_VIEWER: Viewer("Preview data", Lazy("designer_app.preview.preview_dialog", "PreviewDialog")),
    EVALUATION_VIEWER: Viewer("Visualize evaluation", Lazy("designer_app.preview.evaluation_view", "EvaluationView")),
    IMAGES_VIEWER: Viewer("Show pictures", Lazy("designer_app.preview.images_view", "ImagesView")),
}


def show_output(engine: Engine, job_id: str, node_id: str, port: Port, parent: QWidget) -> QWidget:
    """Open the port's viewer on a step's output, as its own window (deleted on close)."""
    window = VIEWERS[port.viewer].window(engine, job_id, node_id, port.name, parent)
    window.setWindowFlag(Qt.WindowType.Window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    behave(window, port.viewer, (window.width(), window.height()))
    window.show()
    return window
