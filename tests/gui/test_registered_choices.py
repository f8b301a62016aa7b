"""The properties pane offers what the workspace registers: data sets for a Dataset parameter, models or
transformations for a Saved Model's or Saved Transformation's, with the versions of the chosen one; choosing
another version of an MD- node replaces it in the draft (the reference's "update pipeline endpoint" flow)."""
from __future__ import annotations

from PySide6 import QtWidgets

from engine.pipeline import Node, Pipeline
from tests.engine.test_drafts_set_cli import register_assets
from tests.gui.helpers import node_by_component


def items(combo: QtWidgets.QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def saved_params(window, node_id: str) -> dict:
    return window.workspace.drafts.load(window.drafts.current).node(node_id).params


def test_a_saved_model_node_lists_the_registered_models_and_takes_another_version(qtbot, main_window, engine):
    register_assets(main_window.workspace)
    window, pane = main_window, main_window.properties
    window.drafts.new(Pipeline(name="Cars inference",
                               nodes=[Node(component="saved_model", params={"Model": "cars", "Version": 1})]))
    saved = node_by_component(window.adapter, "saved_model")
    window.adapter.select(saved.id)
    combo, version = pane.editors["Model"].combo, pane.editors["Version"]
    assert items(combo) == ["bikes", "cars"] and combo.currentText() == "cars"  # models only: not "scaler"
    assert version.toolTip().startswith('Registered versions of "cars": 1, 2.')
    assert any("replace it" in label.text() for label in pane.findChildren(QtWidgets.QLabel))

    version.spin.setValue(2)
    qtbot.waitUntil(lambda: saved_params(window, saved.id) == {"Model": "cars", "Version": 2}, timeout=3000)
    assert engine.analyze(window.adapter.to_pipeline()).for_node(saved.id) == []

    combo.activated.emit(combo.findText("bikes"))  # bikes has no version 2: the node says so
    assert window.adapter.to_pipeline().node(saved.id).params == {"Model": "bikes", "Version": 2}
    assert [p.code for p in engine.analyze(window.adapter.to_pipeline()).for_node(saved.id)] == ["0018"]
    assert version.toolTip().startswith('Registered versions of "bikes": 1.')
    version.spin.setValue(version.spin.minimum())  # Not set: the latest
    qtbot.waitUntil(lambda: saved_params(window, saved.id) == {"Model": "bikes", "Version": None}, timeout=3000)
    assert engine.analyze(window.adapter.to_pipeline()).for_node(saved.id) == []


def test_a_saved_transformation_lists_transformations_and_a_dataset_node_the_data_sets(main_window, workspace):
    register_assets(workspace)
    window, pane = main_window, main_window.properties
    dataset = node_by_component(window.adapter, "dataset")  # of the regression sample the window opens on
    window.adapter.select(dataset.id)
    combo = pane.editors["Dataset"].combo
    assert items(combo) == workspace.datasets.names() and combo.currentText() == "Automobile fuel economy"
    combo.setEditText("Palmer penguins")
    combo.lineEdit().editingFinished.emit()
    assert window.adapter.to_pipeline().node(dataset.id).params["Dataset"] == "Palmer penguins"

    window.drafts.new(Pipeline(name="Scaling", nodes=[Node(component="saved_transformation")]))
    saved = node_by_component(window.adapter, "saved_transformation")
    window.adapter.select(saved.id)
    assert items(pane.editors["Transformation"].combo) == ["scaler"]
    assert pane.editors["Version"].toolTip() == "Blank for the latest version."  # no name chosen yet
