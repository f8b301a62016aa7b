"""The properties pane: edits reach the autosaved draft, undo, conditional parameters, the column picker."""
from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from designer_app.properties.column_picker import ColumnPickerDialog
from tests.gui.helpers import click_item, node_by_component


def _saved_params(window, node_id: str) -> dict:
    return window.workspace.drafts.load(window.drafts.current).node(node_id).params


def test_property_edit_is_autosaved_and_undone(qtbot, main_window, adapter):
    split = node_by_component(adapter, "split_data")
    adapter.select(split.id)
    editor = main_window.properties.editors["Random seed"]
    editor.spin.setValue(99)
    qtbot.waitUntil(lambda: _saved_params(main_window, split.id).get("Random seed") == 99, timeout=3000)
    main_window.actions["undo"].trigger()
    assert editor.spin.value() == 123
    qtbot.waitUntil(lambda: _saved_params(main_window, split.id).get("Random seed") == 123, timeout=3000)
    main_window.actions["redo"].trigger()
    assert editor.spin.value() == 99


def test_conditional_parameters_follow_their_parent(main_window, adapter):
    split = node_by_component(adapter, "split_data")
    adapter.select(split.id)
    pane = main_window.properties
    assert pane.editors["Random seed"].row.isVisibleTo(pane)
    assert not pane.editors["Regular expression"].row.isVisibleTo(pane)
    combo = pane.editors["Splitting mode"].combo
    combo.setCurrentText("Regular Expression")
    combo.activated.emit(combo.currentIndex())
    assert adapter.to_pipeline().node(split.id).params["Splitting mode"] == "Regular Expression"
    assert not pane.editors["Random seed"].row.isVisibleTo(pane)
    assert pane.editors["Regular expression"].row.isVisibleTo(pane)


def test_column_picker_lists_upstream_columns_and_writes_rules(monkeypatch, main_window, adapter, workspace):
    train = node_by_component(adapter, "train_model")
    adapter.select(train.id)
    seen = {}

    def pick(dialog: ColumnPickerDialog) -> int:
        seen["columns"] = [dialog.names.item(i).data(QtCore.Qt.ItemDataRole.UserRole)
                           for i in range(dialog.names.count())]
        for i in range(dialog.names.count()):
            if dialog.names.item(i).data(QtCore.Qt.ItemDataRole.UserRole) == "Horsepower":
                dialog.names.item(i).setCheckState(QtCore.Qt.CheckState.Checked)
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(ColumnPickerDialog, "exec", pick)
    main_window.properties.editors["Label column"].button.click()
    upstream = [c for c in workspace.datasets.get("Automobile fuel economy").schema.names if c != "Name"]
    assert seen["columns"] == upstream
    assert adapter.to_pipeline().node(train.id).params["Label column"] == {
        "isFilter": True, "rules": [{"ruleType": "ColumnNames", "exclude": False, "columns": ["Horsepower"]}]}
    assert "Horsepower" in main_window.properties.editors["Label column"].button.text()


def test_column_picker_rules_mode(qtbot, workspace):
    schema = workspace.datasets.get("Automobile fuel economy").schema
    dialog = ColumnPickerDialog("Select Columns", schema, {"rules": []})
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.begin.setCurrentIndex(1)
    dialog._add_rule({"ruleType": "ColumnNames", "exclude": True, "columns": ["Name"]})
    dialog._add_rule({"ruleType": "ColumnTypes", "exclude": True, "columnTypes": ["String"], "columnKinds": ["All"]})
    assert dialog.value() == {"isFilter": True, "rules": [
        {"ruleType": "AllColumns", "exclude": False},
        {"ruleType": "ColumnNames", "exclude": True, "columns": ["Name"]},
        {"ruleType": "ColumnTypes", "exclude": True, "columnTypes": ["String"], "columnKinds": ["All"]}]}
    assert f"of {len(schema.columns)} columns selected" in dialog.summary.text()


def test_set_as_pipeline_parameter(main_window, adapter):
    split = node_by_component(adapter, "split_data")
    adapter.select(split.id)
    name = main_window.properties.set_as_pipeline_parameter("Random seed")
    parameter = adapter.to_pipeline().parameter(name)
    assert parameter.kind == "Int" and parameter.default == 123
    assert [(b.node, b.param) for b in parameter.bindings] == [(split.id, "Random seed")]
    main_window.actions["undo"].trigger()
    assert name not in {p.name for p in adapter.to_pipeline().parameters}


def test_validation_list_shows_problem_and_selects_node(qtbot, main_window, adapter):
    orphan = adapter.add_component("score_model", {}, (400.0, 0.0))
    adapter.select(None)
    panel = main_window.validation
    qtbot.waitUntil(lambda: any(panel.list.topLevelItem(i).data(0, QtCore.Qt.ItemDataRole.UserRole) == orphan
                                for i in range(panel.list.topLevelItemCount())), timeout=3000)
    assert adapter.problem_count(orphan) == 2
    row = next(i for i in range(panel.list.topLevelItemCount())
               if panel.list.topLevelItem(i).data(0, QtCore.Qt.ItemDataRole.UserRole) == orphan)
    click_item(qtbot, panel.list, panel.list.model().index(row, 2))
    assert adapter.selected_uuids() == [orphan]
    assert main_window.properties.uuid == orphan
