"""Writes job, step and metric events to the workspace database: the scheduler calls it before publishing each."""
from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from engine.events import JobEvent, MetricEvent, StepEvent
from engine.job_store import FINAL, JobStore
from engine.store import now

PROGRESS_WRITE_SECONDS = 1.0


def _stamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")


class Recorder:
    """Turns an event into the rows it changes; a failed write raises (the scheduler fails the job loudly)."""

    def __init__(self, jobs: JobStore) -> None:
        self.jobs = jobs
        self._progress_written: dict[tuple[str, str], float] = {}

    def __call__(self, event: Any) -> None:
        if isinstance(event, JobEvent):
            self._job(event)
        elif isinstance(event, StepEvent):
            self._step(event)
        elif isinstance(event, MetricEvent):
            self.jobs.record_metrics(event.job_id, event.node_id, event.metrics)

    def _job(self, event: JobEvent) -> None:
        self.jobs.set_status(event.job_id, event.status, event.error, event.steps)
        if event.status in FINAL:
            self._progress_written = {k: v for k, v in self._progress_written.items() if k[0] != event.job_id}

    def _step(self, event: StepEvent) -> None:
        key = (event.job_id, event.node_id)
        if event.status == "Running" and event.progress is not None:
            if time.monotonic() - self._progress_written.get(key, 0.0) < PROGRESS_WRITE_SECONDS:
                return
            self._progress_written[key] = time.monotonic()
            self.jobs.record_step(event.job_id, {"node_id": event.node_id, "progress": event.progress})
            return
        row: dict[str, Any] = {"node_id": event.node_id, "status": event.status}
        stamp = _stamp(event.time)
        if event.status == "Queued":
            row["queued"] = stamp
        elif event.status == "Running":
            row["started"] = stamp
        else:
            row["finished"] = now()
        for name in ("duration", "error", "outputs", "fingerprint", "logs"):
            value = getattr(event, name)
            if value is not None:
                row[name] = value
        if event.status in ("Completed", "Reused"):
            row["progress"] = 1.0
        self.jobs.record_step(event.job_id, row)
