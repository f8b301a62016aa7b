"""The pipeline document: round trip, migrations, malformed input, pipeline parameters."""
from __future__ import annotations

import json

import pytest

from engine.parameters import ParameterAssignmentError, apply_parameters, parse_assignment
from engine.pipeline import SCHEMA_VERSION, Pipeline, PipelineFormatError
from engine.samples import sample_pipelines


def test_samples_round_trip_losslessly():
    for pipeline in sample_pipelines().values():
        again = Pipeline.from_json(pipeline.to_json())
        assert again == pipeline
        assert again.schema_version == SCHEMA_VERSION


def test_version_1_documents_are_migrated():
    old = {"schema_version": 1, "name": "old",
           "nodes": [{"id": "a", "component": "enter_data_manually", "params": {"Data": "x\n1"}},
                     {"id": "b", "component": "select_columns", "params": {"Select Columns": ["x"]}}],
           "edges": [["a", "Dataset", "b", "Dataset"]]}
    pipeline = Pipeline.from_dict(old)
    assert pipeline.schema_version == SCHEMA_VERSION
    assert pipeline.default_compute == "local"
    edge = pipeline.edges[0]
    assert (edge.source, edge.source_port, edge.target, edge.target_port) == ("a", "Dataset", "b", "Dataset")


@pytest.mark.parametrize("text, fragment", [
    ("{not json", "not valid JSON: Expecting property name"),
    ("[1, 2]", "a pipeline is a JSON object"),
    ('{"nodes": [{"component": 3}]}', "nodes.0.component"),
    ('{"nodes": [], "edges": [{"source": "a"}]}', "edges.0.source_port"),
    ('{"schema_version": 99}', "schema_version 99 is not supported"),
    ('{"nodes": [], "colour": "red"}', "colour"),
])
def test_malformed_documents_say_what_and_where(text, fragment):
    with pytest.raises(PipelineFormatError) as error:
        Pipeline.from_json(text)
    assert fragment in str(error.value)


def test_parameters_apply_to_bound_node_parameters():
    pipeline = sample_pipelines()["Regression: Automobile fuel economy (Basic)"]
    split = next(n for n in pipeline.nodes if n.component == "split_data")
    resolved = apply_parameters(pipeline, {"training-fraction": "0.6"})
    assert resolved.node(split.id).params["Fraction of rows in the first output dataset"] == 0.6
    assert pipeline.node(split.id).params["Fraction of rows in the first output dataset"] == 0.7  # unchanged copy


def test_parameter_errors_name_the_parameter():
    pipeline = sample_pipelines()["Regression: Automobile fuel economy (Basic)"]
    with pytest.raises(ParameterAssignmentError, match='"nope": not a parameter'):
        apply_parameters(pipeline, {"nope": 1})
    with pytest.raises(ParameterAssignmentError, match='"training-fraction": .* not a valid Float'):
        apply_parameters(pipeline, {"training-fraction": "lots"})
    with pytest.raises(ParameterAssignmentError, match="NAME=VALUE"):
        parse_assignment("no-equals-sign")


def test_dataset_parameter_sets_name_and_version():
    doc = {"nodes": [{"id": "d", "component": "dataset", "params": {"Dataset": "A"}}],
           "parameters": [{"name": "input", "kind": "Dataset", "bindings": [{"node": "d", "param": "Dataset"}]}]}
    pipeline = Pipeline.from_dict(json.loads(json.dumps(doc)))
    resolved = apply_parameters(pipeline, {"input": {"Name": "B", "Version": "2"}})
    assert resolved.node("d").params == {"Dataset": "B", "Version": 2}
