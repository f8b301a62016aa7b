"""Property-based: whatever document a user hands over, loading and validating it gives a pipeline and its
problems, or a PipelineFormatError; never another exception (a traceback)."""
from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.parameters import ParameterAssignmentError, apply_parameters
from engine.pipeline import Pipeline, PipelineFormatError
from engine.samples import sample_pipelines
from engine.validation import Problem, analyze
from engine.workspace import Workspace
from nodes.registry import default_registry

SETTINGS = settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLES = [p.to_dict() for p in sample_pipelines().values()]

NASTY = st.sampled_from([math.nan, math.inf, -math.inf, 0, 1, -1, 0.0, 1.0, 1e308, 10 ** 30, True, False, None, "",
                         " ", "NaN", "-inf", "1e999", "\x00", "é", "{", "{}", "[]", "1-999999", [], {}, [[[]]],
                         {"isFilter": True, "rules": [{"ruleType": "ColumnNames", "columns": ["nope"]}]},
                         {"isFilter": True, "rules": [{"ruleType": "Nope"}]}, "local-processes",
                         {"isFilter": True, "rules": [{"ruleType": "ColumnIndexes", "columns": ["1-99999999999"]}]}])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12), NASTY)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                    st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                    max_leaves=20)


COMPONENTS = list(default_registry())
PORTS = sorted({p.name for c in COMPONENTS for p in (*c.inputs, *c.outputs)})
NODE_IDS = st.sampled_from(["a", "b", "c", "d"])


@st.composite
def nodes(draw):
    """A node of a real component whose parameters (real names, or not) hold values of any kind."""
    component = draw(st.sampled_from(COMPONENTS))
    names = st.sampled_from([p.name for p in component.params] or ["x"]) | st.text(max_size=6)
    return {"id": draw(NODE_IDS), "component": component.id,
            "params": draw(st.dictionaries(names, NASTY | JSON, max_size=4)),
            **draw(st.fixed_dictionaries({}, optional={"version": st.sampled_from(["1.0", "0.9", "2.0", 3]),
                                                      "compute": NASTY}))}


EDGES = st.fixed_dictionaries({"source": NODE_IDS, "source_port": st.sampled_from(PORTS), "target": NODE_IDS,
                               "target_port": st.sampled_from(PORTS)})
PARAMETERS = st.fixed_dictionaries(
    {"name": st.sampled_from(["p", "q"])},
    optional={"kind": st.sampled_from(["Int", "Float", "String", "Boolean", "Mode", "ColumnPicker", "Dataset"]),
              "default": NASTY | JSON, "options": st.lists(st.text(max_size=4), max_size=2),
              "bindings": st.lists(st.fixed_dictionaries({"node": NODE_IDS, "param": st.text(max_size=8)
                                                          | st.sampled_from(sorted({p.name for c in COMPONENTS
                                                                                    for p in c.params}))}),
                                   max_size=2)})
DOCUMENTS = st.fixed_dictionaries(
    {"schema_version": st.sampled_from([1, 2, 3])},
    optional={"nodes": st.lists(nodes(), max_size=4), "edges": st.lists(EDGES, max_size=5),
              "parameters": st.lists(PARAMETERS, max_size=2), "default_compute": NASTY})


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    with Workspace(tmp_path_factory.mktemp("properties") / "ws") as ws:
        yield ws


def load_and_check(document, workspace: Workspace) -> None:
    """What `designer run` does before it records a job: load, apply the parameters' defaults, validate."""
    try:
        pipeline = Pipeline.from_dict(document)
    except PipelineFormatError as error:
        assert str(error) and "\n" not in str(error)
        return
    try:
        resolved = apply_parameters(pipeline)
    except ParameterAssignmentError:
        resolved = pipeline
    analysis = analyze(resolved, catalog=workspace.datasets)
    assert all(isinstance(p, Problem) and p.message for p in analysis.problems)
    stored = pipeline.to_json()
    assert Pipeline.from_json(stored).to_json() == stored  # what was accepted can be stored and read back


@SETTINGS
@given(document=JSON)
def test_arbitrary_json_is_a_pipeline_or_a_format_error(document, workspace):
    load_and_check(document, workspace)
    try:
        Pipeline.from_json(json.dumps(document))
    except PipelineFormatError:
        pass


def _paths(value, path=()):
    yield path
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield from _paths(child, (*path, key))


def _mutate(document, path, kind: str, new):
    if not path:
        return new
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    if kind == "delete":
        del parent[path[-1]]
    elif kind == "duplicate" and isinstance(parent, list):
        parent.append(json.loads(json.dumps(parent[path[-1]])))
    else:
        parent[path[-1]] = new
    return document


@SETTINGS
@given(document=DOCUMENTS)
def test_documents_of_real_components_with_any_values_are_pipelines_with_problems_or_format_errors(document,
                                                                                                  workspace):
    load_and_check(document, workspace)


@SETTINGS
@given(data=st.data())
def test_mutated_sample_documents_are_pipelines_with_problems_or_format_errors(data, workspace):
    document = json.loads(json.dumps(data.draw(st.sampled_from(SAMPLES))))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(_paths(document))))
        kind = data.draw(st.sampled_from(["replace", "nasty", "delete", "duplicate"]))
        new = json.loads(json.dumps(data.draw(NASTY if kind == "nasty" else JSON)))  # a copy: NASTY holds lists
        document = _mutate(document, path, kind, new)
    load_and_check(document, workspace)
