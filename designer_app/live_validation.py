"""Re-validates the canvas through `engine.analyze` after each change, off the GUI thread.

A change snapshots the canvas (on the GUI thread, where it lives) and analyses the snapshot on Qt's thread pool;
changes made meanwhile are coalesced into one more analysis of the newest canvas, and a result that an edit
has overtaken is dropped, so the markers always end on the canvas as it is.
"""
from __future__ import annotations

from PySide6 import QtCore

from designer_app.background import BackgroundCall
from designer_app.canvas.adapter import CanvasAdapter
from engine.engine import Engine
from engine.validation import Analysis


class LiveValidation(QtCore.QObject):
    """Emits `analyzed(analysis)` when an analysis of the current canvas is in, and marks the nodes."""

    analyzed = QtCore.Signal(object)

    def __init__(self, adapter: CanvasAdapter, engine: Engine, parent=None) -> None:
        super().__init__(parent)
        self.adapter, self.engine = adapter, engine
        self.analysis = Analysis()
        self.running: BackgroundCall | None = None
        self.stale = False  # the canvas changed after the running analysis took its snapshot
        adapter.changed.connect(self.request)

    def run(self) -> Analysis:
        """Validate now, on this thread (Validate now, a draft just opened)."""
        self.stale = self.running is not None
        return self._show(self.engine.analyze(self.adapter.to_pipeline()))

    def request(self) -> None:
        """Validate the canvas as it is now, in the background (once more after a running analysis)."""
        if self.running is not None:
            self.stale = True
            return
        self.stale = False
        pipeline = self.adapter.to_pipeline()
        self.running = BackgroundCall(lambda: self.engine.analyze(pipeline), self)
        self.running.succeeded.connect(self._finished)
        self.running.failed.connect(lambda _error: self._finished(None))  # run() below raises it where it shows
        self.running.start()

    def _finished(self, analysis: Analysis | None) -> None:
        self.running.deleteLater()
        self.running = None
        if self.stale:
            self.request()
        elif analysis is None:
            self.run()
        else:
            self._show(analysis)

    def _show(self, analysis: Analysis) -> Analysis:
        self.analysis = analysis
        self.adapter.show_problems(analysis)
        self.analyzed.emit(analysis)
        return analysis
