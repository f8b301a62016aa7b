"""Re-validates the canvas through `engine.analyze` shortly after each change (debounced)."""
from __future__ import annotations

from PySide6 import QtCore

from designer_app.canvas.adapter import CanvasAdapter
from engine.engine import Engine
from engine.validation import Analysis

DEBOUNCE_MS = 150


class LiveValidation(QtCore.QObject):
    """Emits `analyzed(analysis)` ~150 ms after the last change, and marks the nodes."""

    analyzed = QtCore.Signal(object)

    def __init__(self, adapter: CanvasAdapter, engine: Engine, parent=None) -> None:
        super().__init__(parent)
        self.adapter, self.engine = adapter, engine
        self.analysis = Analysis()
        self._timer = QtCore.QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        adapter.changed.connect(self._timer.start)

    def run(self) -> Analysis:
        """Validate now."""
        self._timer.stop()
        self.analysis = self.engine.analyze(self.adapter.to_pipeline())
        self.adapter.show_problems(self.analysis)
        self.analyzed.emit(self.analysis)
        return self.analysis
