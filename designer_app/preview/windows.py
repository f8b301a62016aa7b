"""Open a step's output preview or Evaluate Model's visualizations as their own window (deleted on close)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from designer_app.preview.evaluation_view import EvaluationView
from designer_app.preview.preview_dialog import PreviewDialog
from engine.engine import Engine


def _show(window: QWidget) -> QWidget:
    window.setWindowFlag(Qt.WindowType.Window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window


def show_preview(engine: Engine, job_id: str, node_id: str, port: str, parent: QWidget) -> PreviewDialog:
    return _show(PreviewDialog(engine, job_id, node_id, port, parent))


def show_evaluation(engine: Engine, job_id: str, node_id: str, parent: QWidget) -> EvaluationView:
    return _show(EvaluationView(engine, job_id, node_id, parent))
