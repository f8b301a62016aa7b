"""The status bar's word on the job submitted from the app: steps done of total and elapsed time while it runs,
then Completed, or Failed with the failing node (click to show it); a long job's end is announced."""
from __future__ import annotations

import time

from PySide6 import QtCore, QtGui, QtWidgets

from designer_app.engine_bridge import EngineBridge
from designer_app.run_status import color, format_duration
from engine.engine import Engine
from engine.events import JobEvent, StepEvent
from engine.job_store import ACTIVE

DONE = frozenset({"Completed", "Reused", "Failed", "Canceled"})
ANNOUNCE_AFTER = 10.0
"""A job that ran at least this many seconds is announced when it ends (the user may have looked away)."""


class JobProgress(QtWidgets.QLabel):
    """Follows one job at a time (`follow(job_id)`); emits `failed_node_clicked(node_id)` and `announced(text)`."""

    failed_node_clicked = QtCore.Signal(str)
    announced = QtCore.Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, objectName="jobProgress")
        self.engine = engine
        self.job_id: str | None = None
        self.failed_node: str | None = None
        self.done: set[str] = set()
        self.total = 0
        self.started = 0.0
        self.timer = QtCore.QTimer(self, interval=500, timeout=self._show_running)
        bridge.step_event.connect(self._on_step)
        bridge.job_event.connect(self._on_job)

    def follow(self, job_id: str) -> None:
        job = self.engine.workspace.jobs.get(job_id)
        self.job_id, self.failed_node = job_id, None
        self.total = len(job.pipeline.nodes)
        self.done = {s.node_id for s in job.steps if s.status in DONE}
        self.started = time.monotonic()
        self.setCursor(QtCore.Qt.CursorShape.ArrowCursor)
        if job.status in ACTIVE:
            self.timer.start()
            self._show_running()
        else:
            self._show_end(job.status)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.failed_node:
            self.failed_node_clicked.emit(self.failed_node)
        super().mousePressEvent(event)

    def _on_step(self, event: StepEvent) -> None:
        if event.job_id == self.job_id and event.status in DONE:
            self.done.add(event.node_id)
            self._show_running()

    def _on_job(self, event: JobEvent) -> None:
        if event.job_id == self.job_id and event.status not in ACTIVE:
            self.timer.stop()
            self._show_end(event.status)
            elapsed = time.monotonic() - self.started
            if elapsed >= ANNOUNCE_AFTER:
                self.announced.emit(f"{self._name()} {event.status.lower()} after {format_duration(elapsed)}.")

    def _show_running(self) -> None:
        if not self.timer.isActive():
            return
        self._set(f"{self._name()}: {len(self.done)} of {self.total} steps · "
                  f"{format_duration(time.monotonic() - self.started)}", "Running")

    def _show_end(self, status: str) -> None:
        job = self.engine.workspace.jobs.get(self.job_id)
        text = f"{self._name()}: {status}"
        if job.duration is not None:
            text += f" in {format_duration(job.duration)}"
        failed = next((s for s in job.steps if s.status == "Failed"), None)
        if failed is not None:
            self.failed_node = failed.node_id
            text += f" at {failed.name} (click to show it)"
            self.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)
        self._set(text, status)

    def _set(self, text: str, status: str) -> None:
        self.setText(f'<span style="color:{color(status).name()}">●</span> {text}')
        self.setToolTip(text)

    def _name(self) -> str:
        return f"Job {self.engine.workspace.jobs.get(self.job_id).display_name}" if self.job_id else "Job"
