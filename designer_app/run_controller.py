"""Run the open draft: Submit through the SubmitDialog, live run status on the editor's nodes, and Cancel.

Badges follow the job last submitted from a draft while that draft is open; a node edited since (and every
node it feeds) loses its badge, as its result no longer matches the canvas.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from designer_app.canvas.adapter import CanvasAdapter
from designer_app.canvas.running_clock import RunningClock
from designer_app.drafts_controller import DraftsController
from designer_app.engine_bridge import EngineBridge
from designer_app.run_status import elapsed_since
from designer_app.step_warnings import step_warnings
from designer_app.submit_dialog import SubmitDialog
from engine.engine import Engine
from engine.events import JobEvent, StepEvent
from engine.graph import downstream
from engine.job_store import ACTIVE


class RunController(QObject):
    """Emits `submitted(job_id)` when a job of the draft starts, `running_changed(bool)` as it starts or ends, and
    `failed(node_id)` with the first failed node when it ends Failed."""

    submitted = Signal(str)
    running_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, adapter: CanvasAdapter, drafts: DraftsController,
                 window: QWidget) -> None:
        super().__init__(window)
        self.engine, self.adapter, self.drafts, self.window = engine, adapter, drafts, window
        self.job_id: str | None = None
        self.draft_id: str | None = None
        self.job_nodes: set[str] = set()
        self.stale: set[str] = set()
        self.clock = RunningClock(adapter, self)
        bridge.step_event.connect(self._on_step)
        bridge.job_event.connect(self._on_job)
        drafts.opened.connect(self._opened)
        adapter.node_changed.connect(self._forget)

    # Commands.
    def submit(self) -> SubmitDialog:
        """Open the submit dialog on the canvas as it is now; the job is tracked once the dialog submits it."""
        dialog = SubmitDialog(self.engine, self.adapter.to_pipeline(), self.window, draft_id=self.drafts.current)
        dialog.accepted.connect(lambda: self._track(dialog.handle.id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def cancel(self) -> None:
        if self.job_id:
            self.engine.cancel(self.job_id)

    def job_for(self, node_id: str) -> str | None:
        """The job whose step of `node_id` to show: the tracked job's (even failed or running) unless the node
        changed since, else the node's latest completed or reused step in any job."""
        if self._showing() and node_id in self.job_nodes and node_id not in self.stale:
            return self.job_id
        latest = self.engine.workspace.jobs.latest_step(node_id)
        return latest[0] if latest else None

    # Tracking.
    def _track(self, job_id: str) -> None:
        """A job submitted from the open draft: follow it from the start."""
        self._follow(job_id)
        self.submitted.emit(job_id)

    def _opened(self, draft_id: str) -> None:
        """A draft opened: show its last job's run, on the nodes that have not changed since."""
        if draft_id != self.draft_id:
            latest = self.engine.workspace.jobs.latest_for_draft(draft_id)
            if latest:
                self._follow(latest)
                return
        self._redraw()

    def _follow(self, job_id: str) -> None:
        job = self.engine.workspace.jobs.get(job_id)
        self.job_id, self.draft_id = job_id, self.drafts.current
        self.job_nodes = {n.id for n in job.pipeline.nodes}
        current = self.engine.fingerprints(self.adapter.to_pipeline())
        self.stale = {s.node_id for s in job.steps if s.fingerprint and current.get(s.node_id) != s.fingerprint}
        self._redraw()
        self.running_changed.emit(job.status in ACTIVE)

    def _showing(self) -> bool:
        return self.job_id is not None and self.drafts.current == self.draft_id

    def _redraw(self) -> None:
        """Every badge from the job's record (events that arrived before the job was tracked are in it)."""
        self.adapter.clear_status()
        self.clock.stop()
        if not self._showing():
            return
        job = self.engine.workspace.jobs.get(self.job_id)
        steps = {s.node_id: s for s in job.steps}
        for node in job.pipeline.nodes:
            step = steps.get(node.id)
            if node.id in self.stale or (step is None and job.status not in ACTIVE):
                continue
            if step is None:
                self.adapter.set_status(node.id, "Queued")
            elif step.status == "Running":
                self.clock.start(node.id, time.time() - (elapsed_since(step.started) or 0.0), step.progress)
            else:
                self.adapter.set_status(node.id, step.status, None, step.duration)
                self.adapter.set_warnings(node.id, step_warnings(step.logs))

    def _on_step(self, event: StepEvent) -> None:
        if event.job_id != self.job_id or not self._showing() or event.node_id in self.stale:
            return
        if event.status == "Running":
            self.clock.start(event.node_id, self.clock.started(event.node_id, event.time), event.progress)
        else:
            self.clock.stop(event.node_id)
            self.adapter.set_status(event.node_id, event.status, None, event.duration)
            self.adapter.set_warnings(event.node_id, step_warnings(event.logs))

    def _on_job(self, event: JobEvent) -> None:
        if event.job_id == self.job_id and event.status not in ACTIVE:
            self._redraw()  # the final word: steps that never ran are Canceled or left out
            self.running_changed.emit(False)
            failed = [s.node_id for s in self.engine.workspace.jobs.get(event.job_id).steps if s.status == "Failed"]
            if failed and self._showing():
                self.failed.emit(failed[0])

    def _forget(self, node_id: str) -> None:
        """A node changed: its badge, and those of the nodes it feeds, no longer describe the canvas."""
        if not self._showing():
            return
        changed = {node_id, *downstream(self.adapter.to_pipeline(), node_id)}
        self.stale |= changed
        self.clock.stop(*changed)
        self.adapter.clear_status(changed)
