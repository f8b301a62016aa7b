"""A Dataset node is titled by its data set's name and version, and follows edits (undoably, with the edit)."""
from __future__ import annotations

from tests.gui.helpers import node_by_component


def test_dataset_nodes_show_their_data_set_and_follow_edits(main_window):
    adapter = main_window.adapter
    data = node_by_component(adapter, "dataset")
    node = adapter.node(data.id)
    assert node.name() == f"{data.params['Dataset']} · latest"
    assert node.view.name == node.name()
    adapter.set_param(data.id, "Version", 1)
    assert node.name() == f"{data.params['Dataset']} · v1"
    main_window.actions["undo"].trigger()
    assert node.name() == f"{data.params['Dataset']} · latest"
    split = node_by_component(adapter, "split_data")
    assert adapter.node(split.id).name() == "Split Data"
    added = adapter.add_component("dataset")
    assert adapter.node(added).name() == "Dataset"
