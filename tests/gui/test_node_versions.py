"""The canvas keeps the version each node was placed with, upgrades older ones on open and loses no unknown one."""
from __future__ import annotations

import pytest

from designer_app.canvas.adapter import CanvasAdapter
from engine.pipeline import Binding, PipelineParameter
from engine.validation import analyze
from tests.engine import versioned
from tests.engine.builders import data_node, node, pipeline, wire


def _at(version: str, **params):
    made = node("test_scale", **params)
    made.version = version
    return made


@pytest.fixture
def canvas(qtbot):
    adapter = CanvasAdapter(versioned.registry())
    qtbot.addWidget(adapter.widget)
    return adapter


def test_an_older_node_is_upgraded_on_open_and_an_unknown_one_kept(canvas):
    data, old, newer = data_node(), _at("1.0", Scale=3), _at("9.0", Factor=2, Shiny=True)
    factor = PipelineParameter(name="factor", kind="Float", bindings=[Binding(node=old.id, param="Scale")])
    canvas.load(pipeline(data, old, newer, edges=[wire(data, "Dataset", old, "Dataset"),
                                                  wire(old, "Results dataset", newer, "Dataset")],
                         parameters=[factor]))
    shown = canvas.to_pipeline()
    assert (shown.node(old.id).version, shown.node(old.id).params) == ("2.0", {"Factor": 3})
    assert shown.parameter("factor").bindings == [Binding(node=old.id, param="Factor")]
    assert (shown.node(newer.id).version, shown.node(newer.id).params) == ("9.0", {"Factor": 2, "Shiny": True})
    assert shown.node(data.id).version == versioned.registry()["enter_data_manually"].version
    analysis = analyze(shown, versioned.registry())
    assert [(p.code, p.node) for p in analysis.problems] == [("UnknownVersion", newer.id)]
    canvas.show_problems(analysis)
    assert canvas.problem_count(newer.id) == 1 and canvas.problem_count(old.id) == 0
    canvas.load(shown)
    assert canvas.to_pipeline().node(newer.id) == shown.node(newer.id)


def test_a_new_node_takes_the_current_version_and_a_copy_keeps_its_own(canvas):
    canvas.load(pipeline(_at("9.0", Factor=2)))
    added = canvas.add_component("test_scale")
    assert canvas.to_pipeline().node(added).version == "2.0"
    canvas.select_all()
    copies = canvas.duplicate()
    versions = sorted(canvas.to_pipeline().node(uuid).version for uuid in copies)
    assert versions == ["2.0", "9.0"]
