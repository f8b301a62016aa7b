"""Publish a pipeline to a pipeline endpoint, new or existing: description, whether the new version becomes the
endpoint's default, and the pipeline inputs with the defaults a call gets when it does not set them."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer_app.busy_dialog import BusyDialog
from engine.engine import Engine, InvalidPipeline
from engine.pipeline import Pipeline, PipelineParameter
from engine.publishing import PipelineEndpoints, PublishedVersion


def describe_default(parameter: PipelineParameter) -> str:
    """A parameter's default as the dialog shows it; a data set without a version is pinned when published."""
    default: Any = parameter.default
    if parameter.kind == "Dataset" and default:
        name, version = (default["Name"], default.get("Version")) if isinstance(default, dict) else (default, None)
        return f"{name} (version {version})" if version is not None else f"{name} (latest, pinned when published)"
    return "(none)" if default is None else str(default)


class PublishDialog(BusyDialog):
    """Publish runs off the GUI thread; the dialog is then accepted with `.published` the new version (or shows
    what stopped it and stays open)."""

    def __init__(self, engine: Engine, pipeline: Pipeline, parent: QWidget | None = None, *,
                 source: str = "") -> None:
        super().__init__(parent)
        self.engine, self.pipeline, self.source = engine, pipeline, source
        self.endpoints = PipelineEndpoints(engine.workspace, engine.registry)
        self.published: PublishedVersion | None = None
        self.setWindowTitle("Set up published pipeline")
        self.setMinimumWidth(520)

        existing = {e.name: e for e in self.endpoints.list()}
        self.create_new = QRadioButton("Create new")
        self.use_existing = QRadioButton("Use existing", enabled=bool(existing))
        choice = QButtonGroup(self)
        choice.addButton(self.create_new)
        choice.addButton(self.use_existing)
        self.create_new.setChecked(True)
        self.new_name = QLineEdit(pipeline.name.replace(" ", "-"))
        self.new_name.setPlaceholderText("Name of the new pipeline endpoint")
        self.existing = QComboBox()
        for name, endpoint in existing.items():
            self.existing.addItem(f"{name}   ·   {len(endpoint.versions)} versions, default {endpoint.default_version}",
                                  name)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText("Optional: what this version changes")
        self.description.setFixedHeight(60)
        self.make_default = QCheckBox("Set as default pipeline for this endpoint")
        target = QFormLayout()
        radios = QVBoxLayout()
        radios.addWidget(self.create_new)
        radios.addWidget(self.use_existing)
        target.addRow("Pipeline endpoint", radios)
        target.addRow("New endpoint name", self.new_name)
        target.addRow("Existing endpoint", self.existing)
        target.addRow("Description", self.description)
        target.addRow("", self.make_default)

        self.inputs = QTreeWidget(rootIsDecorated=False, alternatingRowColors=True)
        self.inputs.setHeaderLabels(("Pipeline input", "Kind", "Default"))
        for parameter in pipeline.parameters:
            self.inputs.addTopLevelItem(QTreeWidgetItem([parameter.name, parameter.kind,
                                                         describe_default(parameter)]))
        if not pipeline.parameters:
            self.inputs.addTopLevelItem(QTreeWidgetItem(["(this pipeline has no pipeline inputs)", "", ""]))

        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("color: #a4262c;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = self.buttons.addButton("Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.boxes = [QGroupBox("Endpoint"), QGroupBox("Pipeline inputs")]
        self.boxes[0].setLayout(target)
        QVBoxLayout(self.boxes[1]).addWidget(self.inputs)
        layout = QVBoxLayout(self)
        for widget in (*self.boxes, self.message, self.buttons):
            layout.addWidget(widget)
        choice.buttonToggled.connect(lambda *_: self._mode_changed())
        self.new_name.textChanged.connect(lambda *_: self._update())
        self._mode_changed()

    def endpoint_name(self) -> str:
        return self.new_name.text().strip() if self.create_new.isChecked() else self.existing.currentData() or ""

    def _mode_changed(self) -> None:
        """A new endpoint's first version is its default; a new version of an existing one is not, unless asked."""
        new = self.create_new.isChecked()
        self.new_name.setEnabled(new)
        self.existing.setEnabled(not new)
        self.make_default.setEnabled(not new)
        self.make_default.setChecked(new)
        self._update()

    def _update(self) -> None:
        new = self.create_new.isChecked()
        names = {self.existing.itemData(i) for i in range(self.existing.count())}
        taken = new and self.new_name.text().strip() in names
        self._show("An endpoint of this name exists: choose Use existing to add a version to it." if taken else "")
        self.publish_button.setEnabled(bool(self.endpoint_name()) and not taken)

    def _show(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def accept(self) -> None:
        if self.busy:
            return
        name, description = self.endpoint_name(), self.description.toPlainText().strip()
        make_default = self.make_default.isChecked()
        self.run_in_background(lambda: self.endpoints.publish(self.pipeline, name, description=description,
                                                              make_default=make_default, source=self.source),
                               self._published)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for widget in (*self.boxes, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self._show("Validating and publishing…")

    def _published(self, published: PublishedVersion) -> None:
        self.published = published
        super().accept()

    def refused(self, error: Exception) -> None:
        if isinstance(error, InvalidPipeline):
            self._show("The pipeline cannot be published:\n" + "\n".join(f"• {p}" for p in error.problems))
        else:
            self._show(f"The pipeline could not be published: {error}")
