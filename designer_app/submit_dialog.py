"""Configure & Submit: experiment, job name and description, pipeline parameter values, default compute."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDoubleValidator, QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from designer_app.busy_dialog import BusyDialog
from designer_app.properties.column_picker import ColumnPickerDialog
from designer_app.properties.editors import Editor, make_editor
from designer_app.settings import app_settings
from engine.engine import DEFAULT_EXPERIMENT, Engine, InvalidPipeline, JobHandle
from engine.parameters import ParameterAssignmentError, apply_parameters
from engine.pipeline import Pipeline, PipelineParameter
from engine.validation import Problem
from nodes.params import Param, ParamKind
from nodes.table import TableSchema

SETTINGS_EXPERIMENT = "submit/experiment"
CHECK_DELAY_MS = 250  # re-check after typing pauses: analyze may parse inline data
CHOSEN_KINDS = ("Boolean", "Mode", "ColumnPicker")  # edited as the properties pane edits them; typed otherwise


class SubmitDialog(BusyDialog):
    """Lists the blocking problems before anything runs; Submit validates and starts the job off the GUI thread,
    then the dialog is accepted with `.handle` the running job (or lists what stopped it and stays open)."""

    def __init__(self, engine: Engine, pipeline: Pipeline, parent: QWidget | None = None, *,
                 values: dict[str, Any] | None = None, experiment: str | None = None,
                 display_name: str | None = None, description: str = "", draft_id: str | None = None) -> None:
        super().__init__(parent)
        self.engine, self.pipeline, self.draft_id = engine, pipeline, draft_id
        self.handle: JobHandle | None = None
        self.setWindowTitle("Set up pipeline job")
        self.setMinimumWidth(520)

        self.experiment = QComboBox(editable=True)
        self.experiment.addItems(engine.workspace.jobs.experiments() or [DEFAULT_EXPERIMENT])
        self.experiment.setCurrentText(experiment or str(app_settings().value(SETTINGS_EXPERIMENT, DEFAULT_EXPERIMENT)))
        self.experiment.lineEdit().setPlaceholderText("Pick an experiment or type a new name")
        self.display_name = QLineEdit(display_name or pipeline.name)
        self.description = QPlainTextEdit(description)
        self.description.setPlaceholderText("Optional")
        self.description.setFixedHeight(60)
        basics = QFormLayout()
        basics.addRow("Experiment", self.experiment)
        basics.addRow("Job display name", self.display_name)
        basics.addRow("Job description", self.description)

        self.chosen: dict[str, Any] = {}  # the values of the Boolean, Mode and ColumnPicker editors
        self.editors = {p.name: self._editor(p, (values or {}).get(p.name, p.default)) for p in pipeline.parameters}
        inputs = QFormLayout()
        for name, editor in self.editors.items():
            inputs.addRow(name, editor)
        if not self.editors:
            inputs.addRow(QLabel("This pipeline has no pipeline parameters."))

        self.compute = QComboBox()
        self.compute.addItems(sorted(engine.computes))
        if pipeline.default_compute in engine.computes:
            self.compute.setCurrentText(pipeline.default_compute)
        runtime = QFormLayout()
        runtime.addRow("Default compute", self.compute)

        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(120)
        self.review = QLabel()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton("Submit", QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        self.boxes: list[QGroupBox] = []
        for title, form in (("Basics", basics), ("Inputs && outputs", inputs), ("Runtime settings", runtime)):
            box = QGroupBox(title)
            box.setLayout(form)
            layout.addWidget(box)
            self.boxes.append(box)
        review = QGroupBox("Review + Submit")
        review_layout = QVBoxLayout(review)
        review_layout.addWidget(self.review)
        review_layout.addWidget(self.problems)
        layout.addWidget(review)
        layout.addWidget(self.buttons)

        self.debounce = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.check)
        for editor in self.editors.values():
            signal = editor.edited if isinstance(editor, Editor) else (
                editor.currentTextChanged if isinstance(editor, QComboBox) else editor.textChanged)
            signal.connect(self.debounce.start)
        self.compute.currentTextChanged.connect(self.debounce.start)
        self.experiment.currentTextChanged.connect(self.debounce.start)
        self.check()

    def _editor(self, parameter: PipelineParameter, value: Any) -> QWidget:
        if parameter.kind == "Dataset":
            editor = QComboBox()
            editor.addItems(self.engine.workspace.datasets.names())
            editor.setCurrentText(value["Name"] if isinstance(value, dict) else str(value or ""))
            if isinstance(value, dict) and editor.currentText() == value["Name"]:
                editor.setItemData(editor.currentIndex(), value)  # its version (e.g. pinned by publish) while chosen
            return editor
        if parameter.kind in CHOSEN_KINDS:
            chosen = make_editor(Param(parameter.name, ParamKind(parameter.kind), options=tuple(parameter.options)),
                                 self._pick_columns)
            chosen.set_value(value)
            if value is not None:
                self.chosen[parameter.name] = value
            chosen.edited.connect(lambda new, name=parameter.name: self.chosen.update({name: new}))
            return chosen
        editor = QLineEdit("" if value is None else str(value))
        editor.setPlaceholderText(parameter.kind)
        if parameter.kind == "Int":
            editor.setValidator(QIntValidator(editor))
        elif parameter.kind == "Float":
            editor.setValidator(QDoubleValidator(editor))
        return editor

    def _pick_columns(self, param: Param, value: dict) -> dict | None:
        """The column picker over the columns arriving at the first node parameter the pipeline parameter sets."""
        schema, single = self._columns_of(self.pipeline.parameter(param.name))
        dialog = ColumnPickerDialog(param.name, schema, value, single, self)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _columns_of(self, parameter: PipelineParameter) -> tuple[TableSchema | None, bool]:
        """The upstream schema of the column picker the parameter is bound to (None when unknown), and whether
        it takes a single column."""
        for binding in parameter.bindings:
            node = next((n for n in self.pipeline.nodes if n.id == binding.node), None)
            if node is None or node.component not in self.engine.registry:
                continue
            component = self.engine.registry[node.component]
            param = component.param(binding.param)
            if param is not None and param.kind is ParamKind.COLUMN_PICKER:
                schemas = self.engine.analyze(self.pipeline).input_schemas(self.pipeline, node.id)
                schema = schemas.get(component.columns_port(param))
                return (schema if isinstance(schema, TableSchema) else None), param.single_column
        return None, False

    def values(self) -> dict[str, Any]:
        """The pipeline parameter values chosen or typed in (an empty field keeps the default); a data set keeps
        the version it was given with while its name stays chosen."""
        texts = {name: e.currentData() or e.currentText() if isinstance(e, QComboBox) else e.text()
                 for name, e in self.editors.items() if not isinstance(e, Editor)}
        return {**{name: text for name, text in texts.items() if isinstance(text, dict) or text.strip()},
                **self.chosen}

    def configured_pipeline(self) -> Pipeline:
        return self.pipeline.model_copy(update={"default_compute": self.compute.currentText()})

    def blocking_problems(self) -> list[str]:
        """Everything that stops the job, as engine.analyze reports it, with the chosen values applied."""
        messages = [] if self.experiment.currentText().strip() else ["Basics: choose or name an experiment."]
        try:
            resolved = apply_parameters(self.configured_pipeline(), self.values())
        except ParameterAssignmentError as error:
            return [*messages, str(error)]
        return [*messages, *(str(p) for p in self.engine.analyze(resolved).problems)]

    def check(self) -> None:
        self.debounce.stop()
        self._show(self.blocking_problems())

    def _show(self, problems: list[str] | list[Problem]) -> None:
        self.problems.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        for problem in problems:
            self.problems.addItem(QListWidgetItem(icon, str(problem)))
        self.problems.setVisible(bool(problems))
        count = len(problems)
        self.review.setText(f"<b>{count} problem{'s' if count != 1 else ''}</b> must be fixed before submitting."
                            if count else f"Ready to submit {len(self.pipeline.nodes)} components.")
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.submit_button.setEnabled(not count)

    def accept(self) -> None:
        """Submit on a worker thread: engine.submit validates first, which takes a while on big pipelines."""
        if self.busy:
            return
        experiment = self.experiment.currentText().strip()
        pipeline, name = self.configured_pipeline(), self.display_name.text().strip()
        description, values = self.description.toPlainText().strip(), self.values()
        self.run_in_background(lambda: self.engine.submit(pipeline, experiment, name, description, values,
                                                          draft_id=self.draft_id),
                               lambda handle: self._submitted(handle, experiment))

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        for widget in (*self.boxes, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.review.setText("Validating and submitting…")

    def _submitted(self, handle: JobHandle, experiment: str) -> None:
        self.handle = handle
        app_settings().setValue(SETTINGS_EXPERIMENT, experiment)
        super().accept()

    def refused(self, error: Exception) -> None:
        if isinstance(error, InvalidPipeline):
            self._show(error.problems)
        elif isinstance(error, ParameterAssignmentError):
            self._show([str(error)])
        else:
            self._show([f"The job could not be submitted: {error}"])
