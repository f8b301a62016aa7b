"""One case per design-time rule (reference §6) and per problem `configure` finds."""
from __future__ import annotations

import pytest

from engine.pipeline import Binding, PipelineParameter
from engine.validation import validate
from nodes.columns import ColumnSelection
from tests.engine.builders import data_node, node, pipeline, wire


def codes(pipeline_):
    return [(p.code, p.node_name, p.port or p.parameter) for p in validate(pipeline_)]


def test_a_valid_pipeline_has_no_problems():
    data = data_node()
    select = node("select_columns", **{"Select Columns": ["x", "label"]})
    assert validate(pipeline(data, select, edges=[wire(data, "Dataset", select, "Dataset")])) == []


def test_unknown_component():
    problems = validate(pipeline(node("no_such_thing")))
    assert problems[0].code == "UnknownComponent" and "no_such_thing" in problems[0].message


def test_required_input_port_must_be_connected():
    assert ("RequiredPort", "Select Columns in Dataset", "Dataset") in codes(
        pipeline(node("select_columns", **{"Select Columns": ["x"]})))


def test_required_parameter_must_be_set():
    data, select = data_node(), node("select_columns")
    found = validate(pipeline(data, select, edges=[wire(data, "Dataset", select, "Dataset")]))
    assert [(p.code, p.parameter) for p in found] == [("0003", "Select Columns")]
    assert "null or empty" in found[0].message


def test_parameter_out_of_range():
    data, split = data_node(), node("split_data", **{"Fraction of rows in the first output dataset": 1.5})
    found = validate(pipeline(data, split, edges=[wire(data, "Dataset", split, "Dataset")]))
    assert [(p.code, p.parameter) for p in found] == [("0008", "Fraction of rows in the first output dataset")]


def test_hidden_conditional_parameter_is_ignored():
    data = data_node()
    split = node("split_data", **{"Splitting mode": "Relative Expression",
                                  "Fraction of rows in the first output dataset": 7,
                                  "Relational expression": '\\"x" > 3'})
    assert validate(pipeline(data, split, edges=[wire(data, "Dataset", split, "Dataset")])) == []


def test_unparsable_parameter_value():
    data, split = data_node(), node("split_data", **{"Random seed": "abc"})
    found = validate(pipeline(data, split, edges=[wire(data, "Dataset", split, "Dataset")]))
    assert [(p.code, p.parameter) for p in found] == [("0002", "Random seed")]


def test_incompatible_port_types():
    data, train = data_node(), node("train_model", **{"Label column": ["label"]})
    found = codes(pipeline(data, train, edges=[wire(data, "Dataset", train, "Untrained model"),
                                               wire(data, "Dataset", train, "Dataset")]))
    assert ("IncompatiblePorts", "Train Model", "Untrained model") in found


def test_unknown_port_and_dangling_edge():
    data, select = data_node(), node("select_columns", **{"Select Columns": ["x"]})
    edges = [wire(data, "Nope", select, "Dataset")]
    assert ("UnknownPort", "Enter Data Manually", "Nope") in codes(pipeline(data, select, edges=edges))
    orphan = wire(data, "Dataset", node("select_columns"), "Dataset")
    assert "DanglingEdge" in [c for c, *_ in codes(pipeline(data, edges=[orphan]))]


def test_an_input_takes_one_connection():
    a, b, select = data_node(), data_node(), node("select_columns", **{"Select Columns": ["x"]})
    edges = [wire(a, "Dataset", select, "Dataset"), wire(b, "Dataset", select, "Dataset")]
    assert ("MultipleConnections", "Select Columns in Dataset", "Dataset") in codes(pipeline(a, b, select, edges=edges))


def test_the_graph_must_be_acyclic():
    one = node("select_columns", **{"Select Columns": ["x"]})
    two = node("select_columns", **{"Select Columns": ["x"]})
    edges = [wire(one, "Results dataset", two, "Dataset"), wire(two, "Results dataset", one, "Dataset")]
    found = validate(pipeline(one, two, edges=edges))
    assert any(p.code == "Cycle" and "Select Columns in Dataset -> Select Columns in Dataset" in p.message
               for p in found)


def test_compute_target_must_be_valid():
    data = data_node()
    data.compute = "gpu-cluster"
    found = validate(pipeline(data))
    assert found[0].code == "InvalidCompute"
    assert found[0].message == "The compute target gpu-cluster of Enter Data Manually is invalid."
    found = validate(pipeline(data_node(), default_compute=None))
    assert "The pipeline compute target is invalid" in found[0].message


def test_unknown_column_found_by_configure():
    data, select = data_node(), node("select_columns", **{"Select Columns": ["x", "nope"]})
    found = validate(pipeline(data, select, edges=[wire(data, "Dataset", select, "Dataset")]))
    assert [(p.code, p.parameter) for p in found] == [("0001", "Select Columns")]
    assert 'Column with name or index "nope" not found.' in found[0].message


def test_missing_label_found_by_configure():
    data = data_node()
    select = node("select_columns", **{"Select Columns": ["x", "y"]})
    learner = node("linear_regression")
    train = node("train_model", **{"Label column": ["label"]})
    edges = [wire(data, "Dataset", select, "Dataset"), wire(select, "Results dataset", train, "Dataset"),
             wire(learner, "Untrained model", train, "Untrained model")]
    found = validate(pipeline(data, select, learner, train, edges=edges))
    assert [(p.code, p.node_name) for p in found] == [("0001", "Train Model")]


def test_type_clash_found_by_configure():
    data, learner = data_node(), node("linear_regression")
    train = node("train_model", **{"Label column": ["label"]})  # a string label for a regression learner
    edges = [wire(data, "Dataset", train, "Dataset"), wire(learner, "Untrained model", train, "Untrained model")]
    found = validate(pipeline(data, learner, train, edges=edges))
    assert [(p.code, p.node_name) for p in found] == [("0017", "Train Model")]
    assert "label" in found[0].message


def test_pipeline_parameter_bound_to_a_missing_node_or_parameter():
    data = data_node()
    pipe = pipeline(data, parameters=[PipelineParameter(name="p", bindings=[Binding(node="gone", param="Data")]),
                                      PipelineParameter(name="q", bindings=[Binding(node=data.id, param="Nope")])])
    assert [c for c, *_ in codes(pipe)] == ["DanglingBinding", "DanglingBinding"]


def test_unknown_data_set_is_reported_on_the_node(workspace):
    from engine.validation import analyze
    dataset = node("dataset", Dataset="Not there")
    found = analyze(pipeline(dataset), catalog=workspace.datasets).problems
    assert [(p.code, p.parameter) for p in found] == [("0018", "Dataset")]


def test_schemas_propagate_for_column_pickers(workspace):
    from engine.validation import analyze
    dataset = node("dataset", Dataset="Automobile fuel economy")
    select = node("select_columns", **{"Select Columns": ColumnSelection.names("Name", exclude=True).to_dict()})
    pipe = pipeline(dataset, select, edges=[wire(dataset, "Dataset", select, "Dataset")])
    analysis = analyze(pipe, catalog=workspace.datasets)
    assert analysis.problems == []
    upstream = analysis.input_schemas(pipe, select.id)["Dataset"]
    assert upstream.names[:3] == ["Name", "Miles_per_Gallon", "Cylinders"]
    assert "Name" not in analysis.schemas[select.id]["Results dataset"].names


def _split_with(*parameters: PipelineParameter):
    """Enter Data Manually -> Split Data, whose node id is "split"; parameters bound to it."""
    data, split = data_node(), node("split_data")
    split.id = "split"
    return pipeline(data, split, edges=[wire(data, "Dataset", split, "Dataset")], parameters=list(parameters))


def _on_split(name: str, kind: str, default=None, options: tuple[str, ...] = ()) -> PipelineParameter:
    return PipelineParameter(name=f"p-{kind}", kind=kind, default=default, options=list(options),
                             bindings=[Binding(node="split", param=name)])


def test_pipeline_parameters_of_every_kind_bound_to_their_kind_are_valid():
    label = ColumnSelection.names("label").to_dict()
    assert validate(_split_with(_on_split("Random seed", "Int", 7), _on_split("Randomized split", "Boolean", False),
                                _on_split("Splitting mode", "Mode", "Split Rows", ("Split Rows", "Regular Expression")),
                                _on_split("Stratification key column", "ColumnPicker", label),
                                _on_split("Relational expression", "String", '\\"x" > 3'))) == []


def test_a_binding_to_a_parameter_of_another_kind_names_both():
    found = validate(_split_with(_on_split("Random seed", "ColumnPicker")))
    assert [(p.code, p.node_name, p.parameter) for p in found] == [("IncompatibleBinding", "Split Data", "Random seed")]
    assert 'Pipeline parameter "p-ColumnPicker" is a ColumnPicker parameter, but "Random seed" is Int' \
        in found[0].message


def test_a_mode_parameter_offers_only_options_of_the_node_parameter():
    found = validate(_split_with(_on_split("Splitting mode", "Mode", None, ("Split Rows", "Sideways"))))
    assert [(p.code, p.parameter) for p in found] == [("IncompatibleBinding", "Splitting mode")]
    assert "offers Sideways" in found[0].message and "Relative Expression" in found[0].message


def test_a_default_that_is_not_of_the_kind_is_a_problem():
    found = validate(_split_with(_on_split("Random seed", "Int", "lots"),
                                 _on_split("Splitting mode", "Mode", "Sideways", ("Split Rows",))))
    assert [(p.code, p.node, p.parameter) for p in found] == [("InvalidDefault", None, "p-Int"),
                                                              ("InvalidDefault", None, "p-Mode")]
    assert str(found[1]) == ("Pipeline [p-Mode]: Pipeline parameter \"p-Mode\": 'Sideways' is not a valid Mode; "
                             "choose one of: Split Rows (its default)")


def test_a_pipeline_without_components_cannot_run():
    assert codes(pipeline()) == [("EmptyPipeline", None, None)]


FRACTION = "Fraction of rows in the first output dataset"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "-inf", "NaN", 10 ** 400])
def test_a_number_that_is_not_finite_is_refused_naming_node_and_parameter(value):
    data, split = data_node(), node("split_data", **{FRACTION: value})
    found = validate(pipeline(data, split, edges=[wire(data, "Dataset", split, "Dataset")]))
    assert [(p.code, p.node_name, p.parameter) for p in found] == [("0002", "Split Data", FRACTION)]


@pytest.mark.parametrize("fraction, empty", [(1, "Results dataset2"), (0.0, "Results dataset1")])
def test_a_fraction_that_leaves_a_connected_output_empty_is_refused(fraction, empty):
    data, split, select = data_node(), node("split_data", **{FRACTION: fraction}), node(
        "select_columns", **{"Select Columns": ["x"]})
    other = "Results dataset1" if empty == "Results dataset2" else "Results dataset2"
    only_full = [wire(data, "Dataset", split, "Dataset"), wire(split, other, select, "Dataset")]
    assert validate(pipeline(data, split, select, edges=only_full)) == []
    found = validate(pipeline(data, split, select, edges=[*only_full[:1], wire(split, empty, select, "Dataset")]))
    assert [(p.code, p.node_name, p.parameter) for p in found] == [("0008", "Split Data", FRACTION)]
    assert f'leaves "{empty}" empty' in found[0].message


def test_a_column_index_range_beyond_the_columns_is_refused_without_listing_it():
    rules = {"isFilter": True, "rules": [{"ruleType": "ColumnIndexes", "columns": ["2-99999999999"]}]}
    data, select = data_node(), node("select_columns", **{"Select Columns": rules})
    found = validate(pipeline(data, select, edges=[wire(data, "Dataset", select, "Dataset")]))
    assert [(p.code, p.parameter) for p in found] == [("0001", "Select Columns")]
    assert 'index "4" not found' in found[0].message  # the data has 3 columns
