"""Outputs + logs: a step's driver log and structured error, kept live from the engine's step events."""
from __future__ import annotations

import html

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from designer_app import run_status
from designer_app.engine_bridge import EngineBridge
from designer_app.jobs.step_updates import updated
from engine.engine import Engine
from engine.events import StepEvent
from engine.job_store import StepRecord


class StepLogsPanel(QWidget):
    """Shows one step (`show_step`); refreshes from the store whenever that step's events arrive."""

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.job_id: str | None = None
        self.node_id: str | None = None
        self.step: StepRecord | None = None
        self.badge = QLabel()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.state = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setFrameShape(QFrame.Shape.StyledPanel)
        self.error.setStyleSheet("background: #fde7e9; color: #a4262c; border: 1px solid #f1bbbc; "
                                 "border-radius: 3px; padding: 6px;")
        self.log_caption = QLabel("azureml-logs/70_driver_log.txt")
        self.log_caption.setObjectName("hint")
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log.setPlaceholderText("No log output yet.")

        header = QHBoxLayout()
        header.addWidget(self.badge)
        header.addWidget(self.title)
        header.addStretch()
        header.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.error)
        layout.addWidget(self.log_caption)
        layout.addWidget(self.log, 1)
        bridge.step_event.connect(self._on_step)
        self.error.hide()

    def show_step(self, job_id: str, node_id: str) -> None:
        """Read the step once from the store; its events keep it current from then on."""
        self.job_id, self.node_id = job_id, node_id
        steps = {s.node_id: s for s in self.engine.workspace.jobs.get(job_id).steps}
        self.step = steps.get(node_id)
        if self.step is None:
            self._blank("Waiting for the step to start.")
        else:
            self._show(self.step)

    def clear(self, hint: str = "") -> None:
        """Show no step, with a hint of how to get one."""
        self.job_id = self.node_id = self.step = None
        self._blank(hint)

    def _blank(self, hint: str) -> None:
        self.badge.clear()
        self.title.clear()
        self.state.setText(hint)
        self.error.hide()
        self.log.clear()

    def _show(self, step: StepRecord) -> None:
        self.badge.setPixmap(run_status.icon(step.status).pixmap(12, 12))
        self.title.setText(step.name)
        duration = run_status.format_duration(step.duration)
        self.state.setText(run_status.LABELS.get(step.status, step.status) + (f" in {duration}" if duration else ""))
        self.error.setVisible(bool(step.error))
        if step.error:
            self.error.setText(f"<b>Error {step.error.get('code', '')} ({step.error.get('name', '')})</b><br>"
                               f"{html.escape(step.error.get('message', ''))}")
        if self.log.toPlainText() != step.logs:
            self.log.setPlainText(step.logs)

    def _on_step(self, event: StepEvent) -> None:
        if (event.job_id, event.node_id) == (self.job_id, self.node_id) and event.progress is None:
            self.step = updated(self.step, event)
            self._show(self.step)
