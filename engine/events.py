"""Step and job events, delivered to subscribers (the store, the command line, the GUI) as they happen."""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

STEP_STATUSES = ("NotStarted", "Queued", "Running", "Completed", "Reused", "Failed", "Canceled")


@dataclass(frozen=True)
class StepEvent:
    """A step changed: status is one of STEP_STATUSES; a Running event with `progress` reports progress."""

    job_id: str
    node_id: str
    name: str
    status: str
    time: float = field(default_factory=time.time)
    progress: float | None = None
    message: str | None = None
    duration: float | None = None
    error: dict | None = None
    outputs: dict[str, dict] | None = None
    fingerprint: str | None = None
    logs: str | None = None


@dataclass(frozen=True)
class JobEvent:
    job_id: str
    status: str
    error: str | None = None
    steps: tuple[tuple[str, str, str], ...] = ()  # (node id, component id, name) when the job starts
    time: float = field(default_factory=time.time)


@dataclass(frozen=True)
class MetricEvent:
    """Metrics a step logged (one as it runs, or all of a reused step's at once), by name."""

    job_id: str
    node_id: str
    metrics: dict[str, float]


Event = StepEvent | JobEvent | MetricEvent
Listener = Callable[[Any], None]


class EventBus:
    """Calls every subscriber with every event, on the thread that published it."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners = [*self._listeners, listener]

        def unsubscribe() -> None:
            with self._lock:
                self._listeners = [x for x in self._listeners if x is not listener]
        return unsubscribe

    def publish(self, event: Event) -> None:
        for listener in self._listeners:
            try:
                listener(event)
            except Exception:  # a broken subscriber must not stop a job
                log.exception("event listener failed on %r", event)
