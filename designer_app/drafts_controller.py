"""Drafts in the workspace: new, open, rename, duplicate, delete, import, export, and autosave of every change.

A change starts a timer that is not restarted by later changes, so a draft is saved at most AUTOSAVE_MS after
any edit: a crash loses at most that much.
"""
from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore

from designer_app.canvas.adapter import CanvasAdapter
from designer_app.settings import app_settings
from engine.drafts import DraftNotFound
from engine.pipeline import Pipeline, PipelineFormatError
from engine.samples import sample_pipelines
from engine.workspace import Workspace

AUTOSAVE_MS = 500
LAST_DRAFT_KEY = "drafts/last"
FIRST_SAMPLE_PREFIX = "Regression"


class DraftsController(QtCore.QObject):
    """Keeps the canvas and the workspace's drafts in step."""

    opened = QtCore.Signal(str)
    """A draft was opened: its id."""
    saved = QtCore.Signal(str)
    """The current draft was saved: its id."""

    def __init__(self, workspace: Workspace, adapter: CanvasAdapter, parent=None) -> None:
        super().__init__(parent)
        self.workspace, self.adapter = workspace, adapter
        self.current: str | None = None
        self._timer = QtCore.QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        adapter.changed.connect(self._schedule)

    @property
    def drafts(self):
        return self.workspace.drafts

    def restore(self) -> str:
        """Reopen the last draft; else the newest; else (first start) a draft of the regression sample."""
        last = app_settings().value(LAST_DRAFT_KEY, "")
        known = [d.id for d in self.drafts.list()]
        for draft_id in ([last] if last in known else []) + known:
            try:
                return self.open(draft_id)
            except PipelineFormatError:  # e.g. a plug-in component is gone: keep the draft, try the next
                continue
        samples = sample_pipelines()
        first = next((p for name, p in samples.items() if name.startswith(FIRST_SAMPLE_PREFIX)),
                     next(iter(samples.values()), Pipeline(name="Pipeline")))
        return self.new(first)

    def open(self, draft_id: str) -> str:
        self.flush()
        pipeline = self.drafts.load(draft_id)
        self.adapter.load(pipeline)  # raises PipelineFormatError before changing anything
        self.current = draft_id
        app_settings().setValue(LAST_DRAFT_KEY, draft_id)
        self.opened.emit(draft_id)
        return draft_id

    def new(self, pipeline: Pipeline | None = None, name: str | None = None) -> str:
        """A new draft (empty, or a copy of `pipeline`), opened."""
        self.flush()
        pipeline = pipeline or Pipeline(name=name or f"Pipeline-Created-on-{QtCore.QDate.currentDate().toString('MM-dd-yyyy')}")
        return self.open(self.drafts.create(pipeline, name))

    def rename(self, name: str) -> None:
        """Rename the current draft (undoable: it is the pipeline's name)."""
        self.adapter.set_settings("Rename draft", name=name)
        self.flush()

    def duplicate(self) -> str:
        self.flush()
        return self.open(self.drafts.duplicate(self.current))

    def delete(self) -> str:
        """Delete the current draft and open the newest remaining one (or a new empty draft)."""
        self._timer.stop()
        self.drafts.delete(self.current)
        self.current = None
        remaining = self.drafts.list()
        return self.open(remaining[0].id) if remaining else self.new()

    def import_file(self, path: str | Path) -> str:
        """Open a pipeline JSON file as a new draft; raises PipelineFormatError (and creates nothing)."""
        pipeline = Pipeline.load(path)
        self.adapter.check_loadable(pipeline)
        return self.new(pipeline)

    def export_file(self, path: str | Path) -> None:
        Path(path).write_text(self.adapter.to_pipeline().to_json(), encoding="utf-8")

    def name(self) -> str:
        return self.adapter.settings.name

    def save(self) -> None:
        self._timer.stop()
        if self.current is None:
            return
        try:
            self.drafts.save(self.current, self.adapter.to_pipeline())
        except DraftNotFound:
            self.current = self.drafts.create(self.adapter.to_pipeline())
        self.saved.emit(self.current)

    def flush(self) -> None:
        """Save now if a change is waiting."""
        if self._timer.isActive():
            self.save()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
