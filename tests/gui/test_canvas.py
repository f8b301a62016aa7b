"""The canvas: palette drops, typed wiring, copy/paste, round trip and badges."""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from engine.pipeline import Pipeline
from engine.samples import sample_pipelines
from tests.gui.helpers import drag, node_by_component, port_point


def _drop(viewer, mime: QtCore.QMimeData, pos: QtCore.QPoint) -> None:
    viewport = viewer.viewport()
    enter = QtGui.QDragEnterEvent(pos, QtCore.Qt.DropAction.CopyAction, mime, QtCore.Qt.MouseButton.LeftButton,
                                  QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(QtCore.QPointF(pos), QtCore.Qt.DropAction.CopyAction, mime,
                            QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(viewport, drop)


def test_drop_from_palette_adds_nodes(main_window, adapter):
    before = len(adapter.to_pipeline().nodes)
    _drop(adapter.viewer, main_window.palette.mime_data("Split Data"), QtCore.QPoint(120, 80))
    _drop(adapter.viewer, main_window.palette.mime_data("Breast cancer diagnosis"), QtCore.QPoint(300, 80))
    pipeline = adapter.to_pipeline()
    assert len(pipeline.nodes) == before + 2
    assert pipeline.nodes[-2].component == "split_data"
    assert pipeline.nodes[-1].component == "dataset"
    assert pipeline.nodes[-1].params == {"Dataset": "Breast cancer diagnosis"}
    assert adapter.selected_uuids() == [pipeline.nodes[-1].id]
    main_window.actions["undo"].trigger()
    assert len(adapter.to_pipeline().nodes) == before + 1


def test_palette_filters_as_you_type(main_window):
    main_window.palette.search.setText("regress")
    names = [text for text, _ in main_window.palette.entries()]
    expected = [c.name for c in main_window.engine.registry if "regress" in c.name.lower()]
    assert names == expected and "Linear Regression" in names and "Two-Class Logistic Regression" in names


def test_wire_compatible_ports_and_refuse_incompatible(qtbot, main_window, adapter):
    main_window.drafts.new()
    data = adapter.add_component("dataset", {"Dataset": "Palmer penguins"}, (0.0, 0.0))
    select = adapter.add_component("select_columns", {}, (0.0, 160.0))
    learner = adapter.add_component("linear_regression", {}, (260.0, 0.0))
    train = adapter.add_component("train_model", {}, (260.0, 160.0))
    adapter.fit()
    qtbot.wait(10)
    viewer = adapter.viewer
    drag(qtbot, viewer, port_point(viewer, adapter.node(data).outputs()["Dataset"]),
         port_point(viewer, adapter.node(select).inputs()["Dataset"]))
    edges = adapter.to_pipeline().edges
    assert [(e.source, e.source_port, e.target, e.target_port) for e in edges] == [
        (data, "Dataset", select, "Dataset")]
    # An untrained model cannot feed a data set input: the dragged wire is refused.
    drag(qtbot, viewer, port_point(viewer, adapter.node(learner).outputs()["Untrained model"]),
         port_point(viewer, adapter.node(train).inputs()["Dataset"]))
    assert len(adapter.to_pipeline().edges) == 1
    assert viewer.refused == ("Train Model's Dataset takes a data set; "
                              "Linear Regression's Untrained model is an untrained learner.")
    drag(qtbot, viewer, port_point(viewer, adapter.node(learner).outputs()["Untrained model"]),
         port_point(viewer, adapter.node(train).inputs()["Untrained model"]))
    assert len(adapter.to_pipeline().edges) == 2


def test_copy_paste_gives_new_uuids(main_window, adapter):
    original = adapter.to_pipeline()
    split = node_by_component(adapter, "split_data")
    adapter.select(split.id)
    assert adapter.copy()
    pasted = adapter.paste()
    assert len(pasted) == 1
    pipeline = adapter.to_pipeline()
    assert len(pipeline.nodes) == len(original.nodes) + 1
    assert len({n.id for n in pipeline.nodes}) == len(pipeline.nodes)
    copy = pipeline.node(pasted[0])
    assert copy.component == "split_data" and copy.params == split.params
    assert adapter.duplicate() and len(adapter.to_pipeline().nodes) == len(original.nodes) + 2


def test_round_trip_of_the_samples_is_lossless(adapter):
    for pipeline in sample_pipelines().values():
        adapter.load(pipeline)
        assert adapter.to_pipeline().to_dict() == pipeline.to_dict()
        assert Pipeline.from_json(adapter.to_pipeline().to_json()) == pipeline


def test_backdrops_are_saved_with_the_draft(adapter):
    pipeline = sample_pipelines()["Regression: Automobile fuel economy (Basic)"]
    adapter.load(pipeline)
    adapter.select(pipeline.nodes[0].id)
    adapter.add_backdrop()
    saved = adapter.to_pipeline()
    assert len(saved.backdrops) == 1 and saved.backdrops[0].size[0] > 0
    adapter.load(saved.model_copy(update={"backdrops": [saved.backdrops[0].model_copy(update={"text": "Inputs"})]}))
    again = adapter.to_pipeline().backdrops
    assert [(b.id, b.text, b.position, b.size) for b in again] == [
        (saved.backdrops[0].id, "Inputs", saved.backdrops[0].position, saved.backdrops[0].size)]


def test_status_badges_stay_off_the_undo_stack(adapter):
    node = adapter.to_pipeline().nodes[0].id
    index = adapter.undo_stack.index()
    adapter.set_status(node, "Running", progress=0.4, elapsed=3.25)
    assert adapter.status_text(node) == "Running · 40% · 3.25 s"
    adapter.set_status(node, "Reused")
    assert adapter.status_text(node) == "Reused"
    adapter.clear_status()
    assert adapter.status_text(node) is None
    assert adapter.undo_stack.index() == index
    assert "status" not in adapter.to_pipeline().to_json()
