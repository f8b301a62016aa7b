"""Submit through the dialog; step events reach the GUI thread through the bridge."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from designer_app.properties.column_picker import ColumnPickerDialog
from designer_app.settings import app_settings
from designer_app.submit_dialog import SETTINGS_EXPERIMENT, SubmitDialog
from engine.pipeline import Binding, PipelineParameter
from nodes.columns import ColumnSelection
from tests.gui.run_helpers import TRAIN_MODEL, binary_sample


def test_submit_runs_the_job_and_events_arrive_on_the_gui_thread(engine, bridge, qtbot, isolated_settings):
    pipeline = binary_sample()
    statuses: dict[str, str] = {}
    threads: set[threading.Thread] = set()

    def on_step(event):
        threads.add(threading.current_thread())
        if event.progress is None:
            statuses[event.node_id] = event.status

    bridge.step_event.connect(on_step)
    dialog = SubmitDialog(engine, pipeline)
    qtbot.addWidget(dialog)
    assert dialog.submit_button.isEnabled() and dialog.problems.count() == 0
    dialog.experiment.setCurrentText("Breast cancer")
    dialog.display_name.setText("First run")
    with qtbot.waitSignal(bridge.job_event, check_params_cb=lambda e: e.status == "Completed", timeout=30000):
        dialog.submit_button.click()
    assert dialog.result() == SubmitDialog.DialogCode.Accepted and dialog.handle is not None
    qtbot.waitUntil(lambda: len(statuses) == len(pipeline.nodes) and set(statuses.values()) == {"Completed"})
    assert threads == {threading.main_thread()}
    job = engine.workspace.jobs.get(dialog.handle.id)
    assert (job.experiment, job.display_name, job.status) == ("Breast cancer", "First run", "Completed")
    assert app_settings().value(SETTINGS_EXPERIMENT) == "Breast cancer"
    again = SubmitDialog(engine, pipeline)
    qtbot.addWidget(again)
    assert again.experiment.currentText() == "Breast cancer"


def test_blocking_problems_are_listed_before_anything_runs(engine, qtbot, isolated_settings):
    pipeline = binary_sample()
    pipeline.edges = [e for e in pipeline.edges if e.target != TRAIN_MODEL or e.target_port != "Dataset"]
    dialog = SubmitDialog(engine, pipeline)
    qtbot.addWidget(dialog)
    assert not dialog.submit_button.isEnabled()
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any('Train Model [Dataset]: Input port "Dataset" is required' in t for t in texts)
    assert engine.workspace.jobs.list() == []


def test_pipeline_parameter_values_are_checked_and_applied(engine, qtbot, isolated_settings):
    pipeline = binary_sample()
    split = next(n for n in pipeline.nodes if n.component == "split_data")
    pipeline.parameters = [PipelineParameter(name="Train fraction", kind="Float", default=0.7,
                                             bindings=[Binding(node=split.id,
                                                               param="Fraction of rows in the first output dataset")])]
    dialog = SubmitDialog(engine, pipeline, values={"Train fraction": 0.6})
    qtbot.addWidget(dialog)
    assert dialog.editors["Train fraction"].text() == "0.6"
    dialog.editors["Train fraction"].setText("1.5")
    qtbot.waitUntil(lambda: not dialog.submit_button.isEnabled())
    assert "[0.0, 1.0]" in dialog.problems.item(0).text() or "range" in dialog.problems.item(0).text()
    dialog.editors["Train fraction"].setText("0.5")
    qtbot.waitUntil(dialog.submit_button.isEnabled)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):  # engine.submit runs on a worker thread
        dialog.accept()
    job = dialog.handle.wait(30)
    assert job.parameters == {"Train fraction": "0.5"} and job.status == "Completed"


def test_problems_found_by_the_submit_on_its_worker_are_listed_and_the_dialog_stays(engine, qtbot, isolated_settings):
    pipeline = binary_sample()
    dialog = SubmitDialog(engine, pipeline)
    qtbot.addWidget(dialog)
    dialog.show()
    pipeline.edges.pop()  # broken after the dialog checked it: only engine.submit, on its worker, can tell
    dialog.accept()
    assert dialog.busy and not dialog.submit_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.isVisible() and dialog.handle is None and dialog.problems.count() >= 1
    assert "must be fixed" in dialog.review.text() and engine.workspace.jobs.list() == []


def test_each_parameter_kind_has_its_editor_and_gives_its_value(engine, qtbot, isolated_settings, monkeypatch):
    pipeline = binary_sample()
    split = next(n for n in pipeline.nodes if n.component == "split_data")
    pipeline.parameters = [
        PipelineParameter(name="randomized", kind="Boolean", default=True,
                          bindings=[Binding(node=split.id, param="Randomized split")]),
        PipelineParameter(name="mode", kind="Mode", options=["Split Rows", "Regular Expression"],
                          default="Split Rows", bindings=[Binding(node=split.id, param="Splitting mode")]),
        PipelineParameter(name="label", kind="ColumnPicker",  # no default: Train Model keeps its own
                          bindings=[Binding(node=TRAIN_MODEL, param="Label column")])]
    dialog = SubmitDialog(engine, pipeline)
    qtbot.addWidget(dialog)
    editors = dialog.editors
    combo = editors["mode"].combo
    assert editors["randomized"].box.isChecked()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Split Rows", "Regular Expression"]
    assert combo.currentText() == "Split Rows"
    assert editors["label"].button.text() == "Edit columns…"
    assert dialog.values() == {"randomized": True, "mode": "Split Rows"}

    editors["randomized"].box.setChecked(False)
    combo.setCurrentText("Regular Expression")
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: not dialog.submit_button.isEnabled())  # the default expression names no real column
    assert "Split Data [Regular expression]" in dialog.problems.item(0).text()
    combo.setCurrentText("Split Rows")
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(dialog.submit_button.isEnabled)

    upstream = engine.analyze(pipeline).input_schemas(pipeline, TRAIN_MODEL)["Dataset"].names
    seen = {}

    def pick(picker: ColumnPickerDialog) -> int:
        seen["columns"] = [picker.names.item(i).data(Qt.ItemDataRole.UserRole) for i in range(picker.names.count())]
        seen["single"] = picker.single
        picker.names.item(seen["columns"].index("diagnosis")).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnPickerDialog, "exec", pick)
    editors["label"].button.click()
    assert seen == {"columns": upstream, "single": True}
    chosen = ColumnSelection.names("diagnosis").to_dict()
    assert dialog.values() == {"randomized": False, "mode": "Split Rows", "label": chosen}
    qtbot.waitUntil(lambda: not dialog.debounce.isActive())
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
    job = dialog.handle.wait(30)
    assert job.parameters == {"randomized": False, "mode": "Split Rows", "label": chosen}
    assert job.status == "Completed", job.error
