"""Running nodes' badges count their elapsed time up once a second (a view concern: nothing is stored)."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from designer_app.canvas.adapter import CanvasAdapter

TICK_MS = 1000


class RunningClock(QObject):
    """Shows "Running" with progress and elapsed time on the nodes started, until they are stopped."""

    def __init__(self, adapter: CanvasAdapter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.running: dict[str, tuple[float, float | None]] = {}  # node id -> (start time, progress)
        self.ticker = QTimer(self, interval=TICK_MS, timeout=self._tick)

    def start(self, node_id: str, started: float, progress: float | None = None) -> None:
        """Node `node_id` runs since `started` (epoch seconds); a later call updates its progress."""
        self.running[node_id] = (started, progress)
        self.adapter.set_status(node_id, "Running", progress, time.time() - started)
        if not self.ticker.isActive():
            self.ticker.start()

    def stop(self, *node_ids: str) -> None:
        """These nodes no longer count up (all of them when none is named); the ticker stops with the last."""
        for node_id in node_ids or list(self.running):
            self.running.pop(node_id, None)
        if not self.running:
            self.ticker.stop()

    def started(self, node_id: str, default: float) -> float:
        return self.running.get(node_id, (default, None))[0]

    def _tick(self) -> None:
        now = time.time()
        for node_id, (started, progress) in self.running.items():
            self.adapter.set_status(node_id, "Running", progress, now - started)
