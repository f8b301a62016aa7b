"""The GUI follows the component contract, not component ids: a column picker lists the columns of its own input
port, data set sources are any component with a Dataset parameter, and output entries follow the ports' viewers."""
from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from designer_app.canvas.adapter import CanvasAdapter
from designer_app.palette import SAMPLE_GROUP, PaletteWidget
from designer_app.preview.viewers import VIEWERS
from designer_app.properties.column_picker import ColumnPickerDialog
from designer_app.properties.pane import PropertiesPane
from engine.engine import Engine
from engine.samples import SAMPLE_DATASETS
from nodes.component import Component
from nodes.params import ColumnPicker, Dataset
from nodes.ports import EVALUATION_VIEWER, TABLE_VIEWER, DataFrame
from nodes.registry import Registry, discover
from tests.engine.builders import data_node, node, pipeline, wire


def _join_configure(ctx, inputs, params):
    return {"Results dataset": inputs.get("Left")}


JOIN = Component(id="test_join", name="Test Join", category="Data Transformation", description="two tables",
                 inputs=(DataFrame("Left"), DataFrame("Right")), outputs=(DataFrame("Results dataset"),),
                 params=(ColumnPicker("Join key columns for L", port="Left"),
                         ColumnPicker("Join key columns for R", port="Right")),
                 configure=_join_configure, run=_join_configure)

SOURCE = Component(id="test_source", name="Test Source", category="Data Input and Output", description="a source",
                   outputs=(DataFrame("Rows"),), params=(Dataset("Table name"),),
                   configure=_join_configure, run=_join_configure)


@pytest.fixture
def contract_engine(workspace):
    eng = Engine(workspace, registry=Registry([*discover(), JOIN, SOURCE]), max_workers=1)
    yield eng
    eng.close()


def test_each_column_picker_lists_the_columns_of_its_own_port(qtbot, monkeypatch, contract_engine):
    left, right, join = data_node("a,b\n1,2\n"), data_node("c,d,e\nx,3,4.5\n"), node("test_join")
    adapter = CanvasAdapter(contract_engine.registry)
    adapter.load(pipeline(left, right, join, edges=[wire(left, "Dataset", join, "Left"),
                                                    wire(right, "Dataset", join, "Right")]))
    pane = PropertiesPane(adapter, contract_engine)
    qtbot.addWidget(pane)
    adapter.select(join.id)
    listed = []

    def pick(dialog: ColumnPickerDialog) -> int:
        listed.append([dialog.names.item(i).data(QtCore.Qt.ItemDataRole.UserRole) for i in range(dialog.names.count())])
        return QtWidgets.QDialog.DialogCode.Rejected

    monkeypatch.setattr(ColumnPickerDialog, "exec", pick)
    pane.editors["Join key columns for L"].button.click()
    pane.editors["Join key columns for R"].button.click()
    assert listed == [["a", "b"], ["c", "d", "e"]]


def test_any_component_with_a_dataset_parameter_is_a_data_set_source(qtbot, contract_engine):
    palette = PaletteWidget(contract_engine.registry)
    qtbot.addWidget(palette)
    palette.set_datasets(contract_engine.workspace.datasets.list())
    entries = palette.entries()
    sample = next(iter(SAMPLE_DATASETS))
    assert (sample, {"component": "test_source", "params": {"Table name": sample}}) in entries
    assert (sample, {"component": "dataset", "params": {"Dataset": sample}}) in entries
    assert not {"Test Source", "Dataset"} & {text for text, _ in entries}  # placed through their data sets only
    assert palette.model.findItems(SAMPLE_GROUP)


def test_evaluate_model_declares_the_evaluation_viewer_and_the_app_has_both_viewers(contract_engine):
    viewers = {(c.id, p.name): p.viewer for c in contract_engine.registry for p in c.outputs}
    assert viewers[("evaluate_model", "Evaluation results")] == EVALUATION_VIEWER
    assert viewers[("score_model", "Scored dataset")] == TABLE_VIEWER
    assert {v for v in viewers.values() if v} <= set(VIEWERS)
