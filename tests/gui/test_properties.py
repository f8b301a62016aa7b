"""The properties pane: edits reach the autosaved draft, undo, conditional parameters, the column picker."""
from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from designer_app.properties.column_picker import ColumnPickerDialog
from engine.parameters import apply_parameters
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


def test_set_as_pipeline_parameter_works_on_every_kind(main_window, adapter):
    pane, engine = main_window.properties, main_window.engine
    made = {}
    for component, names in (("split_data", ("Splitting mode", "Randomized split")), ("train_model", ("Label column",)),
                             ("select_columns", ("Select Columns",))):
        adapter.select(node_by_component(adapter, component).id)
        made.update({name: pane.set_as_pipeline_parameter(name) for name in names})
    pipeline = adapter.to_pipeline()
    created = {name: pipeline.parameter(made[name]) for name in made}
    train, select = node_by_component(adapter, "train_model"), node_by_component(adapter, "select_columns")
    assert {name: (p.kind, p.default) for name, p in created.items()} == {
        "Splitting mode": ("Mode", "Split Rows"), "Randomized split": ("Boolean", True),
        "Label column": ("ColumnPicker", train.params["Label column"]),
        "Select Columns": ("ColumnPicker", select.params["Select Columns"])}
    assert created["Splitting mode"].options == ["Split Rows", "Relative Expression", "Regular Expression"]
    assert engine.analyze(pipeline).problems == []
    assert engine.analyze(apply_parameters(pipeline)).problems == []  # the defaults are the nodes' own values
    main_window.drafts.flush()
    saved = main_window.workspace.drafts.load(main_window.drafts.current)
    assert saved.parameter(made["Label column"]) == created["Label column"]
    adapter.select(train.id)
    assert pane._labels["Label column"].text().endswith("⟶ label-column")
    pane.unbind("Label column")
    assert made["Label column"] not in {p.name for p in adapter.to_pipeline().parameters}


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


def _choose(pane, name: str, option: str) -> None:
    combo = pane.editors[name].combo
    combo.setCurrentText(option)
    combo.activated.emit(combo.currentIndex())


def test_a_tunable_parameter_shows_its_value_or_its_range(main_window, adapter):
    learner = node_by_component(adapter, "linear_regression")
    adapter.select(learner.id)
    pane = main_window.properties
    single, ranged = pane.editors["Learning rate"], pane.editors["Range for learning rate"]
    assert single.row is ranged.row and not single.row.isVisibleTo(pane)  # Ordinary Least Squares: no trainer mode
    _choose(pane, "Solution method", "Online Gradient Descent")
    assert single.isVisibleTo(pane) and not ranged.isVisibleTo(pane)
    assert pane._labels["Learning rate"].text() == "Learning rate *"
    _choose(pane, "Create trainer mode", "ParameterRange")
    assert ranged.isVisibleTo(pane) and not single.isVisibleTo(pane)
    assert pane._labels["Learning rate"].text() == "Range for learning rate *"
    visible = [label.text() for label in pane._labels.values() if label.isVisibleTo(pane)]
    assert visible.count("Range for learning rate *") == 1 and "Learning rate *" not in visible
    assert ranged.line.text() == "0.025; 0.05; 0.1; 0.2"
    ranged.line.setText("0.3; 0.6")
    ranged.line.editingFinished.emit()
    node = adapter.to_pipeline().node(learner.id)
    assert node.params["Range for learning rate"] == "0.3; 0.6" and "Learning rate" not in node.params
    params, problems = pane.component.resolve_params(node.params)
    assert problems == [] and params.grid["Learning rate"] == [0.3, 0.6]
    main_window.actions["undo"].trigger()
    assert ranged.line.text() == "0.025; 0.05; 0.1; 0.2"
    main_window.actions["undo"].trigger()
    assert single.isVisibleTo(pane) and pane._labels["Learning rate"].text() == "Learning rate *"


def test_a_range_can_be_set_as_pipeline_parameter(main_window, adapter):
    learner = node_by_component(adapter, "linear_regression")
    adapter.select(learner.id)
    pane = main_window.properties
    _choose(pane, "Solution method", "Online Gradient Descent")
    _choose(pane, "Create trainer mode", "ParameterRange")
    shown = pane._shown(pane.component.param("Learning rate"))
    name = pane.set_as_pipeline_parameter(shown.name)
    pipeline = adapter.to_pipeline()
    parameter = pipeline.parameter(name)
    assert (parameter.kind, parameter.default) == ("String", "0.025; 0.05; 0.1; 0.2")
    assert [b.param for b in parameter.bindings] == ["Range for learning rate"]
    assert main_window.engine.analyze(pipeline).problems == []
    assert pane._labels["Learning rate"].text().endswith(f"⟶ {name}")
