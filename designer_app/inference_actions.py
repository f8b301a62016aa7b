"""Create inference pipeline ▸ Real-time / Batch: from the open draft's last job when it completed (Run menu and
toolbar), or from any completed job (`create`, which the job window calls). The new draft opens and the
generator's warnings are shown. Deploy… asks to deploy the open draft's last job once it is a completed
real-time inference job."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from designer_app.background import BackgroundCall
from designer_app.drafts_controller import DraftsController
from designer_app.engine_bridge import EngineBridge
from engine.engine import Engine
from engine.inference import create_inference_pipeline

INFERENCE_KINDS = (("Real-time", "realtime"), ("Batch", "batch"))
"""The menu entries and the kinds of inference pipeline they create."""


class InferenceActions(QObject):
    """`menu` acts on the open draft's last job (enabled when that job completed); emits `created(draft_id)`
    once a new draft holds the inference pipeline, and `failed(message)` when none could be made;
    `deploy_action` emits `deploy_requested(job_id)` for the open draft's completed real-time inference job."""

    created = Signal(str)
    failed = Signal(str)
    deploy_requested = Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, drafts: DraftsController, window: QWidget) -> None:
        super().__init__(window)
        self.engine, self.drafts, self.window = engine, drafts, window
        self.job_id: str | None = None
        self.deploy_job_id: str | None = None
        self.deploy_action = QAction("&Deploy…", self, triggered=lambda: self.deploy_job_id and
                                     self.deploy_requested.emit(self.deploy_job_id),
                                     statusTip="Deploy this real-time inference draft's completed job as an online "
                                               "endpoint")
        self.notice: QMessageBox | None = None
        self.menu = QMenu("Create &inference pipeline", window)
        self.menu.setToolTipsVisible(True)
        self.menu.menuAction().setStatusTip("A real-time or batch inference draft from this draft's completed job")
        for label, kind in INFERENCE_KINDS:
            self.menu.addAction(label, lambda k=kind: self.job_id and self.create(self.job_id, k))
        drafts.opened.connect(lambda _id: self.update())
        bridge.job_event.connect(lambda _event: self.update())  # a job of the draft started or ended
        self.failed.connect(lambda message: self._tell(QMessageBox.Icon.Warning, message))
        self.update()

    def update(self) -> None:
        """Follow the open draft's last job: the menu is enabled while it is a completed training job, Deploy
        while it is a completed real-time inference job."""
        job_id = self.engine.workspace.jobs.latest_for_draft(self.drafts.current) if self.drafts.current else None
        job = self.engine.workspace.jobs.get(job_id) if job_id else None
        completed = job is not None and job.status == "Completed"
        usable = completed and job.pipeline.kind == "training"
        deployable = completed and job.pipeline.kind == "realtime"
        self.job_id = job_id if usable else None
        self.deploy_job_id = job_id if deployable else None
        self.menu.setEnabled(usable)
        self.deploy_action.setEnabled(deployable)

    def create(self, job_id: str, kind: str) -> BackgroundCall:
        """Generate off the GUI thread (it registers the job's models and transformations), then open the draft."""
        def generate() -> tuple[str, list[str]]:
            workspace = self.engine.workspace
            pipeline, warnings = create_inference_pipeline(workspace, job_id, kind, registry=self.engine.registry)
            return workspace.drafts.create(pipeline), warnings

        call = BackgroundCall(generate, self)
        call.succeeded.connect(lambda result: self._created(*result))
        call.failed.connect(lambda error: self.failed.emit(f"No inference pipeline was created: {error}"))
        call.start()
        return call

    def _created(self, draft_id: str, warnings: list[str]) -> None:
        self.created.emit(draft_id)
        if warnings:
            self._tell(QMessageBox.Icon.Information, "The inference pipeline was created; check these before "
                       "publishing:\n\n" + "\n".join(f"• {w}" for w in warnings))

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        """A window-modal note that does not block the caller (kept as `notice`)."""
        if self.notice is not None:
            self.notice.deleteLater()
        self.notice = QMessageBox(icon, "Create inference pipeline", text, QMessageBox.StandardButton.Ok, self.window)
        self.notice.open()
