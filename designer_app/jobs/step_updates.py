"""Apply a step event to the step record a view holds, so views stay live without re-reading the store."""
from __future__ import annotations

from dataclasses import replace

from engine.events import StepEvent
from engine.job_store import StepRecord

CARRIED = ("duration", "error", "outputs", "fingerprint", "logs")


def updated(step: StepRecord | None, event: StepEvent, component: str = "") -> StepRecord:
    """The record after the event (a progress event changes only `progress`)."""
    step = step or StepRecord(event.node_id, component, event.name, "NotStarted")
    if event.progress is not None and event.status == "Running":
        return replace(step, progress=event.progress)
    changes = {name: getattr(event, name) for name in CARRIED if getattr(event, name) is not None}
    if event.status in ("Completed", "Reused"):
        changes["progress"] = 1.0
    return replace(step, status=event.status, **changes)
