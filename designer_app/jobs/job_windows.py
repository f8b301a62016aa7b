"""Jobs opened from the jobs list: one JobView window per job, raised when opened again, wired to the app."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from designer_app.engine_bridge import EngineBridge
from designer_app.jobs.job_view import JobView
from designer_app.preview.viewers import show_output
from designer_app.window_manners import behave
from engine.engine import Engine

SIZE = (1200, 760)


class JobWindows(QObject):
    """Emits `cloned(draft_id)` when a job view clones its job into a new draft, `inference_requested(job_id,
    kind)` when one asks for an inference pipeline of its job, `publish_requested(job_id)` and
    `deploy_requested(job_id)`."""

    cloned = Signal(str)
    inference_requested = Signal(str, str)
    publish_requested = Signal(str)
    deploy_requested = Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, window: QWidget) -> None:
        super().__init__(window)
        self.engine, self.bridge, self.window = engine, bridge, window
        self.views: dict[str, JobView] = {}

    def open(self, job_id: str) -> JobView:
        view = self.views.get(job_id)
        if view is None:
            view = self.views[job_id] = JobView(self.engine, self.bridge, job_id, self.window)
            view.setWindowFlag(Qt.WindowType.Window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.setWindowTitle(f"{view.job.display_name} — Job")
            behave(view, "job", SIZE)
            view.destroyed.connect(lambda _=None, j=job_id: self.views.pop(j, None))
            view.cloned.connect(self.cloned)
            view.inference_requested.connect(self.inference_requested)
            view.publish_requested.connect(self.publish_requested)
            view.deploy_requested.connect(self.deploy_requested)
            view.resubmitted.connect(self.open)
            view.output_requested.connect(
                lambda j, node, port: show_output(self.engine, j, node, port, self.views.get(j, self.window)))
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    def close_all(self) -> None:
        for view in list(self.views.values()):
            view.close()
