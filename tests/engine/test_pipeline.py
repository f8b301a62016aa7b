"""The pipeline document: round trip, migrations, malformed input, pipeline parameters."""
from __future__ import annotations

import json
import uuid

import pytest

from engine.parameters import ParameterAssignmentError, apply_parameters, coerce, parameter_for, parse_assignment
from engine.pipeline import SCHEMA_VERSION, Binding, Lineage, Node, Pipeline, PipelineFormatError, PipelineParameter
from engine.samples import sample_pipelines
from nodes.columns import ColumnSelection
from nodes.params import Boolean, ColumnPicker, Int, Mode, Param, ParamKind, Script


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
    assert uuid.UUID(pipeline.id) and pipeline.lineage == Lineage()  # through version 2
    edge = pipeline.edges[0]
    assert (edge.source, edge.source_port, edge.target, edge.target_port) == ("a", "Dataset", "b", "Dataset")


@pytest.mark.parametrize("text, fragment", [
    ("{not json", "not valid JSON: Expecting property name"),
    ("[1, 2]", "a pipeline is a JSON object"),
    ('{"schema_version": 3, "nodes": [{"component": 3}]}', "nodes.0.component"),
    ('{"schema_version": 3, "nodes": [], "edges": [{"source": "a"}]}', "edges.0.source_port"),
    ('{"schema_version": 99}', "schema_version 99 is not supported"),
    ('{"schema_version": true}', "schema_version True is not supported"),
    ('{"schema_version": 3, "nodes": [], "colour": "red"}', "colour"),
    ('{"nodes": [], "edges": []}', "a JSON object with 'schema_version'"),
    ('{"schema_version": 1, "edges": 7}', "edges: Input should be a valid list"),
    ('{"schema_version": 2, "parameters": {"a": 1}}', "parameters: Input should be a valid list"),
    ('{"schema_version": 3, "parameters": [{"name": "a"}, {"name": "b"}, {"name": "a"}]}',
     "parameters: two pipeline parameters are named 'a'; rename one"),
    ('{"schema_version": 3, "nodes": [{"component": "x", "position": [NaN, 0]}]}',
     "nodes.0.position.0: Input should be a finite number"),
    ('{"schema_version": 3, "name": "\\udc80"}', "unpaired surrogate"),
    ('{"schema_version": 3, "name": 1' + "0" * 5000 + '}', "not valid JSON: Exceeds the limit"),
    ("[" * 100_000 + "]" * 100_000, "nests lists and objects too deeply to read"),
    ('{"schema_version": 3, "nodes": [{"component": "x", "params": {"a": ' + "[" * 70 + "]" * 70 + '}}]}',
     "more than 64 levels deep"),
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
    doc = {"schema_version": 3, "nodes": [{"id": "d", "component": "dataset", "params": {"Dataset": "A"}}],
           "parameters": [{"name": "input", "kind": "Dataset", "bindings": [{"node": "d", "param": "Dataset"}]}]}
    pipeline = Pipeline.from_dict(json.loads(json.dumps(doc)))
    resolved = apply_parameters(pipeline, {"input": {"Name": "B", "Version": "2"}})
    assert resolved.node("d").params == {"Dataset": "B", "Version": 2}


LABEL = ColumnSelection.names("label").to_dict()


def test_version_2_documents_get_an_id_and_their_column_picker_parameters_repaired():
    old = {"schema_version": 2, "name": "old", "nodes": [{"id": "t", "component": "train_model"}],
           "parameters": [{"name": "label-column", "kind": "String", "default": str(LABEL),
                           "bindings": [{"node": "t", "param": "Label column"}]},
                          {"name": "note", "kind": "String", "default": "{not rules}", "bindings": []}]}
    pipeline = Pipeline.from_dict(old)
    assert pipeline.schema_version == SCHEMA_VERSION == 3
    assert uuid.UUID(pipeline.id) and pipeline.lineage == Lineage()
    label = pipeline.parameter("label-column")
    assert (label.kind, label.default) == ("ColumnPicker", LABEL)
    assert [(b.node, b.param) for b in label.bindings] == [("t", "Label column")]
    assert (pipeline.parameter("note").kind, pipeline.parameter("note").default) == ("String", "{not rules}")


def test_a_document_keeps_its_id_through_save_and_load():
    pipeline = Pipeline(name="mine")
    assert uuid.UUID(pipeline.id) and Pipeline().id != pipeline.id
    assert Pipeline.from_json(pipeline.to_json()).id == pipeline.id


def test_lineage_is_set_on_a_copy_of_the_same_document():
    pipeline = Pipeline(name="mine")
    ran = pipeline.with_lineage(draft="draft-1")
    assert ran.id == pipeline.id and ran.lineage == Lineage(draft="draft-1")
    assert pipeline.lineage == Lineage()  # unchanged
    inference = ran.with_lineage(training_job="job-7", draft=None)
    assert inference.lineage == Lineage(training_job="job-7")
    assert Pipeline.from_json(inference.to_json()).lineage == inference.lineage
    with pytest.raises(ValueError, match="nonsense"):
        pipeline.with_lineage(nonsense="x")


def test_a_clone_is_a_new_document_whose_source_is_the_original():
    snapshot = Pipeline(name="job snapshot").with_lineage(draft="draft-1", training_job="job-7")
    clone = snapshot.cloned("copy")
    assert clone.id != snapshot.id and clone.name == "copy"
    assert clone.lineage == Lineage(training_job="job-7", source=snapshot.id)
    assert snapshot.cloned().name == "job snapshot"


def test_a_new_draft_is_a_new_document_and_saving_keeps_its_id(workspace):
    drafts = workspace.drafts
    template = Pipeline(name="mine")
    draft = drafts.create(template)
    stored = drafts.load(draft)
    assert stored.id != template.id and stored.lineage.source == template.id
    drafts.save(draft, stored.model_copy(update={"description": "edited"}))
    assert drafts.load(draft).id == stored.id
    duplicate = drafts.load(drafts.duplicate(draft))
    assert duplicate.id != stored.id and duplicate.lineage.source == stored.id


@pytest.mark.parametrize("parameter", [{"name": "m", "kind": "Mode"}, {"name": "i", "kind": "Int", "options": ["a"]}])
def test_only_a_mode_parameter_has_options(parameter):
    with pytest.raises(PipelineFormatError, match="parameters.0: .*a Mode parameter lists its options"):
        Pipeline.from_dict({"schema_version": 3, "parameters": [parameter]})


def _parameter(kind: str, options: tuple[str, ...] = ()) -> PipelineParameter:
    return PipelineParameter(name="p", kind=kind, options=list(options))


@pytest.mark.parametrize("kind, options, given, expected", [
    ("Int", (), "42", 42),
    ("Float", (), "0.5", 0.5),
    ("String", (), 3, "3"),
    ("Boolean", (), "true", True),
    ("Boolean", (), "False", False),
    ("Boolean", (), True, True),
    ("Mode", ("Split Rows", "Regular Expression"), "Regular Expression", "Regular Expression"),
    ("ColumnPicker", (), "x, y", ColumnSelection.names("x", "y").to_dict()),
    ("ColumnPicker", (), ["x"], ColumnSelection.names("x").to_dict()),
    ("ColumnPicker", (), json.dumps(ColumnSelection.all().to_dict()), ColumnSelection.all().to_dict()),
    ("ColumnPicker", (), LABEL, LABEL),
    ("Dataset", (), "Palmer penguins", {"Name": "Palmer penguins", "Version": None}),  # a name: its latest version
])
def test_each_kind_coerces_its_values_and_their_command_line_text(kind, options, given, expected):
    assert coerce(_parameter(kind, options), given) == expected


@pytest.mark.parametrize("kind, options, given, message", [
    ("Int", (), "1.5", "'1.5' is not a valid Int"),
    ("Boolean", (), "maybe", "'maybe' is not a valid Boolean; use true or false"),
    ("Mode", ("Split Rows", "Regular Expression"), "Sideways",
     "'Sideways' is not a valid Mode; choose one of: Split Rows, Regular Expression"),
    ("ColumnPicker", (), "{bad", "column names separated by commas"),
    ("ColumnPicker", (), '{"isFilter": true, "rules": [{"ruleType": "Nope"}]}', "is not a valid ColumnPicker"),
    ("ColumnPicker", (), "", "'' is not a valid ColumnPicker"),
    ("String", (), {"a": 1}, "is not a valid String"),
])
def test_a_value_of_the_wrong_kind_is_refused_naming_the_parameter(kind, options, given, message):
    with pytest.raises(ParameterAssignmentError) as error:
        coerce(_parameter(kind, options), given)
    assert str(error.value).startswith('Pipeline parameter "p": ') and message in str(error.value)


def test_parameters_of_every_kind_apply_to_their_bindings():
    pipeline = Pipeline(nodes=[{"id": "a", "component": "x"}, {"id": "b", "component": "x"}], parameters=[
        PipelineParameter(name="flag", kind="Boolean", default=False, bindings=[Binding(node="a", param="Flag")]),
        PipelineParameter(name="mode", kind="Mode", options=["One", "Two"], default="One",
                          bindings=[Binding(node="a", param="How")]),
        PipelineParameter(name="cols", kind="ColumnPicker", default=LABEL,
                          bindings=[Binding(node="a", param="Columns"), Binding(node="b", param="Columns")])])
    resolved = apply_parameters(pipeline, {"flag": "true", "mode": "Two", "cols": "x,y"})
    assert resolved.node("a").params == {"Flag": True, "How": "Two", "Columns": ColumnSelection.names("x", "y").to_dict()}
    assert resolved.node("b").params["Columns"] == resolved.node("a").params["Columns"]
    assert resolved.node("b").params["Columns"] is not resolved.node("a").params["Columns"]
    defaults = apply_parameters(pipeline)
    assert defaults.node("a").params == {"Flag": False, "How": "One", "Columns": LABEL}
    with pytest.raises(ParameterAssignmentError, match='"mode": .*choose one of: One, Two'):
        apply_parameters(pipeline, {"mode": "Three"})


@pytest.mark.parametrize("param, value, kind, default, options", [
    (Int("Random seed", 0), 123, "Int", 123, []),
    (Boolean("Flag"), True, "Boolean", True, []),
    (Boolean("Flag"), "False", "Boolean", False, []),
    (Mode("How", ["One", "Two"]), "Two", "Mode", "Two", ["One", "Two"]),
    (Mode("How", ["One", "Two"]), "Gone", "Mode", None, ["One", "Two"]),
    (ColumnPicker("Columns"), LABEL, "ColumnPicker", LABEL, []),
    (ColumnPicker("Columns"), ["label"], "ColumnPicker", LABEL, []),
    (Script("Code"), "print(1)", "String", "print(1)", []),
    (Param("Dataset", ParamKind("Dataset")), "Palmer penguins", "Dataset", {"Name": "Palmer penguins", "Version": None},
     []),
    (Int("Random seed", 0), None, "Int", None, []),
])
def test_a_pipeline_parameter_made_from_a_node_parameter_has_its_kind(param, value, kind, default, options):
    created = parameter_for("made", "node-1", param, value)
    assert (created.kind, created.default, created.options) == (kind, default, options)
    assert [(b.node, b.param) for b in created.bindings] == [("node-1", param.name)]
    assert Pipeline.from_json(Pipeline(parameters=[created]).to_json()).parameters == [created]


def test_a_data_set_named_alone_at_submit_is_its_latest_version_even_under_a_pinned_node():
    data = Node(component="dataset", params={"Dataset": "old", "Version": 3})
    pinned = Pipeline(nodes=[data], parameters=[PipelineParameter(
        name="input", kind="Dataset", default={"Name": "old", "Version": 3},
        bindings=[Binding(node=data.id, param="Dataset")])])
    assert apply_parameters(pinned, {"input": "new"}).node(data.id).params == {"Dataset": "new", "Version": None}
    assert apply_parameters(pinned).node(data.id).params == {"Dataset": "old", "Version": 3}
