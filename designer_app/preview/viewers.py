"""The app's viewers, by the name an output port declares (`Port.viewer`), each opening its own window.

The windows are imported when first opened (nodes.lazy.Lazy), or off the GUI thread a second after the main window
is up (`warm_up`): the evaluation view needs scikit-learn's metrics and the charts pyqtgraph, which the app does
not load to start."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from designer_app.background import BackgroundCall
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


def warm_up(parent: QObject) -> BackgroundCall:
    """Import the viewers' modules off the GUI thread (pyqtgraph takes ~0.1 s), so the first one opens at once."""
    call = BackgroundCall(lambda: [importlib.import_module(v.window.module) for v in VIEWERS.values()], parent)
    call.start()
    return call


def show_output(engine: Engine, job_id: str, node_id: str, port: Port, parent: QWidget) -> QWidget:
    """Open the port's viewer on a step's output, as its own window (deleted on close)."""
    window = VIEWERS[port.viewer].window(engine, job_id, node_id, port.name, parent)
    window.setWindowFlag(Qt.WindowType.Window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    behave(window, port.viewer, (window.width(), window.height()))
    window.show()
    return window
