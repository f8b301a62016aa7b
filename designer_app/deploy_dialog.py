"""Deploy a completed real-time inference job as an online endpoint, new or the next version of an existing one;
once deployed, the dialog shows the scoring URI and, for a new endpoint, its primary key (shown only now)."""
from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from designer_app.busy_dialog import BusyDialog
from designer_app.copy_field import CopyField
from engine.engine import Engine
from engine.online import NAME_RULE, OnlineEndpoint, OnlineEndpoints

ERROR_STYLE = "color: #a4262c;"


def suggested_name(pipeline_name: str) -> str:
    """A valid endpoint name from a pipeline's name ("Fuel economy - real-time" -> "fuel-economy-real-time")."""
    words = re.sub(r"^[^a-z]+", "", re.sub(r"[^a-z0-9]+", "-", pipeline_name.lower())).split("-")
    slug = ""
    for word in filter(None, words):  # whole words, up to the 32 characters a name may have
        if len(slug) + len(word) + bool(slug) > 32:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug if NAME_RULE.fullmatch(slug) else "realtime-endpoint"


class DeployDialog(BusyDialog):
    """Deploy runs off the GUI thread; then the dialog stays open on the result and emits `deployed(name, key)`
    (key: the new endpoint's primary key, "" when a redeploy kept the keys)."""

    deployed = Signal(str, str)

    def __init__(self, engine: Engine, job_id: str, base_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.job_id, self.base_url = engine, job_id, base_url
        self.endpoints = OnlineEndpoints(engine.workspace, engine.registry)
        self.existing = {e.name: e for e in self.endpoints.list()}
        job = engine.workspace.jobs.get(job_id)
        self.setWindowTitle("Deploy real-time endpoint")
        self.setMinimumWidth(560)

        self.name = QLineEdit(suggested_name(job.pipeline.name), placeholderText="Name of the online endpoint")
        self.name.textChanged.connect(lambda *_: self._update())
        self.note = QLabel(wordWrap=True, objectName="hint")
        form = QFormLayout()
        form.addRow("Inference job", QLabel(f"{job.display_name} ({job.id})", wordWrap=True))
        form.addRow("Endpoint name", self.name)
        form.addRow("", self.note)
        self.setup = QGroupBox("Set up real-time endpoint")
        self.setup.setLayout(form)

        self.scoring_uri = CopyField()
        self.primary_key = CopyField()
        self.key_note = QLabel(wordWrap=True)
        self.result_form = QFormLayout()
        self.result_form.addRow("REST endpoint", self.scoring_uri)
        self.result_form.addRow("Primary key", self.primary_key)
        self.result_form.addRow("", self.key_note)
        self.result = QGroupBox("Deployed")
        self.result.setLayout(self.result_form)
        self.result.hide()

        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.deploy_button = self.buttons.addButton("Deploy", QDialogButtonBox.ButtonRole.AcceptRole)
        self.deploy_button.setDefault(True)
        self.buttons.accepted.connect(self.deploy)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.setup, self.result, self.message, self.buttons):
            layout.addWidget(widget)
        self._update()

    def _update(self) -> None:
        name = self.name.text().strip()
        valid = bool(NAME_RULE.fullmatch(name))
        endpoint = self.existing.get(name)
        if not valid:
            note = "3 to 32 letters, digits and dashes, starting with a letter."
        elif endpoint is not None:
            note = (f'"{name}" exists (version {endpoint.deployment.version}): this job becomes version '
                    f"{endpoint.deployment.version + 1} and serves at once; its keys stay as they are.")
        else:
            note = "A new endpoint: its primary key is shown once, right after deploying."
        self.note.setText(note)
        self.deploy_button.setEnabled(valid and not self.busy)

    def deploy(self) -> None:
        if self.busy or not self.deploy_button.isEnabled():
            return
        name = self.name.text().strip()
        self.run_in_background(lambda: self.endpoints.deploy(self.job_id, name), lambda result: self._deployed(*result))

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.setup.setEnabled(not busy)
        self.deploy_button.setEnabled(not busy)
        self._show("Deploying…" if busy else "", error=False)

    def _show(self, message: str, error: bool = True) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(message))

    def _deployed(self, endpoint: OnlineEndpoint, key: str | None) -> None:
        self.setup.hide()
        self.deploy_button.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.result.setTitle(f'Deployed "{endpoint.name}" version {endpoint.deployment.version}')
        self.scoring_uri.set_text(f"{self.base_url}/endpoints/{endpoint.name}/score")
        self.primary_key.set_text(key or "")
        self.result_form.setRowVisible(self.primary_key, key is not None)
        self.key_note.setText("Copy the key now: it is kept only as a hash and is not shown again (regenerate it "
                              "in Endpoints ▸ Consume)." if key else
                              "The endpoint keeps its keys (Endpoints ▸ Real-time endpoints ▸ Consume).")
        self.key_note.setStyleSheet("font-weight: 600;" if key else "")
        self.result.show()
        self.deployed.emit(endpoint.name, key or "")

    def refused(self, error: Exception) -> None:
        self._show(f"The job could not be deployed: {error}")
