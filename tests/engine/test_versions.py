"""Node versions: a node of an older version runs with migrated values, an unknown version is a problem."""
from __future__ import annotations

import pickle

import pytest

from engine.engine import Engine
from engine.parameters import apply_parameters
from engine.pipeline import Binding, PipelineParameter
from engine.validation import analyze
from engine.versions import current_params, upgrade_pipeline
from nodes.component import UnknownVersion
from tests.engine import versioned
from tests.engine.builders import data_node, node, pipeline, wire


def _scaled(version: str, **params):
    data, scale = data_node(), node("test_scale", **params)
    scale.version = version
    return pipeline(data, scale, edges=[wire(data, "Dataset", scale, "Dataset")]), scale


def test_a_node_of_an_older_version_validates_with_migrated_values():
    old, scale = _scaled("1.0", Scale=3)
    analysis = analyze(old, versioned.registry())
    assert analysis.problems == []
    assert analysis.params[scale.id]["Factor"] == 3.0
    assert current_params(scale, versioned.SCALE) == {"Factor": 3}


def test_without_the_migration_the_old_value_would_be_a_problem():
    current, scale = _scaled("2.0", Scale=3)
    assert [(p.code, p.parameter) for p in analyze(current, versioned.registry()).problems] == [("0002", "Scale")]


def test_an_unknown_version_is_a_problem_naming_the_node():
    newer, scale = _scaled("9.0", Factor=3, Shiny=True)
    problems = analyze(newer, versioned.registry()).problems
    assert [(p.code, p.node, p.node_name) for p in problems] == [("UnknownVersion", scale.id, "Scale Column")]
    assert '"9.0"' in problems[0].message and "2.0" in problems[0].message
    with pytest.raises(UnknownVersion):
        current_params(scale, versioned.SCALE)


def test_a_binding_follows_the_renamed_parameter():
    old, scale = _scaled("1.0", Scale=3)
    old.parameters = [PipelineParameter(name="factor", kind="Float", default=5.0,
                                        bindings=[Binding(node=scale.id, param="Scale")])]
    assert analyze(old, versioned.registry()).problems == []
    upgraded = upgrade_pipeline(old, versioned.registry())
    assert upgraded.node(scale.id).version == "2.0" and upgraded.node(scale.id).params == {"Factor": 3}
    assert [(b.node, b.param) for b in upgraded.parameter("factor").bindings] == [(scale.id, "Factor")]
    assert old.node(scale.id).version == "1.0"  # a copy
    applied = apply_parameters(old, {"factor": "7"})  # bound to the old name: the migration carries the value
    assert current_params(applied.node(scale.id), versioned.SCALE) == {"Factor": 7.0}


def test_components_and_their_migrations_pickle():
    again = pickle.loads(pickle.dumps(versioned.SCALE))
    assert again.upgrade("1.0", {"Scale": 2}) == {"Factor": 2}


def test_a_job_runs_an_older_node_with_migrated_values(workspace):
    old, scale = _scaled("1.0", Scale=3)
    engine = Engine(workspace, registry=versioned.registry(), max_workers=1)
    try:
        job = engine.submit(old, "versions").wait(30)
    finally:
        engine.close()
    assert job.status == "Completed", job.error
    assert job.metrics[scale.id] == {"factor": 3.0}
