"""Engine events as Qt signals: emitted on worker threads, delivered queued on the GUI thread."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from engine.engine import Engine
from engine.events import JobEvent, MetricEvent, StepEvent


class EngineBridge(QObject):
    """Subscribes to an engine; connect to the signals, never to the engine, from widgets."""

    step_event = Signal(object)
    job_event = Signal(object)
    metric_event = Signal(object)

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._unsubscribe = engine.subscribe(self._relay)

    def _relay(self, event: Any) -> None:
        if isinstance(event, StepEvent):
            self.step_event.emit(event)
        elif isinstance(event, JobEvent):
            self.job_event.emit(event)
        elif isinstance(event, MetricEvent):
            self.metric_event.emit(event)

    def close(self) -> None:
        """Stop listening (idempotent); call before the bridge is deleted."""
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
