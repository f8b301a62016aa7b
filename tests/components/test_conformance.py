"""The contract, checked on every registered component (and so on every future one).

For each component: the spec is well formed and its defaults are valid; on each shipped sample data set,
`configure` agrees with what `run` produces (the same schemas, or the same coded error); an empty table and a
column picker that matches nothing end in a coded ComponentError, never a crash; and the outputs pickle.

Inputs are built from the catalogue itself, by port type: the sample table (and its scored copies) for data
set ports, the first learner of the sample's task (and of clustering and anomaly detection, which need no
label) for untrained models, the first learner each trainer takes, trained, for models, and every
transformation the catalogue fits on the sample for transformation ports. The first model and transformation
of each sample are registered as assets, for the Saved Model and Saved Transformation sources to read.
"""
from __future__ import annotations

import json
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from engine.samples import SAMPLE_DATASETS, resources
from engine.workspace import Workspace
from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.errors import ComponentError
from nodes.params import ParamKind
from nodes.ports import PortType
from nodes.registry import default_registry
from nodes.table import Table

LABELS = {"Automobile fuel economy": ("Miles_per_Gallon", "Regression"),
          "Breast cancer diagnosis": ("diagnosis", "BinaryClassification"),
          "Palmer penguins": ("species", "MulticlassClassification")}
MATCHES_NOTHING = {"isFilter": True, "rules": [
    {"ruleType": "ColumnTypes", "exclude": False, "columnTypes": ["TimeSpan"], "columnKinds": ["All"]}]}
UNSUPERVISED = ("Clustering", "AnomalyDetection")  # tasks whose learners train on any sample
QUICK_LEARNERS = ("linear_regression", "two_class_logistic_regression", "multiclass_logistic_regression",
                  "k_means_clustering", "pca_based_anomaly_detection")  # what trainers and sweeps are fed
SEED = 7
# Required text parameters the harness cannot guess, per component: its example values on a sample.
EXAMPLES = {"enter_data_manually": lambda sample: {"Data": sample.table.frame.head(20).to_csv(index=False)},
            "saved_model": lambda sample: {"Model": asset_name(sample, "model")},
            "saved_transformation": lambda sample: {"Transformation": asset_name(sample, "transformation")},
            "import_data": lambda sample: {"Path": str(resources() / "datasets" / SAMPLE_DATASETS[sample.name][0])},
            "export_data": lambda sample: {"Path": str(Path(tempfile.gettempdir()) / "designer-conformance-export")}}
ASSET_PORTS = {"model": PortType.MODEL, "transformation": PortType.TRANSFORMATION}

COMPONENTS = list(default_registry())


@dataclass
class Sample:
    name: str
    table: Table
    label: str
    task: str


def asset_name(sample: Sample, kind: str) -> str:
    return f"{sample.name} {kind}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    workspace = Workspace(tmp_path_factory.mktemp("conformance"))
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def samples(workspace) -> list[Sample]:
    return [Sample(name, workspace.datasets.load_dataset(name), *LABELS[name]) for name in SAMPLE_DATASETS]


@pytest.fixture(scope="module")
def catalog(workspace, samples):
    """The workspace's catalog, holding each sample's first trained model and fitted transformation as assets."""
    for sample in samples:
        fed = feeds(sample, workspace.datasets)
        for kind, port_type in ASSET_PORTS.items():
            for value in fed[port_type][:1]:  # none where the catalogue has no learner of the sample's task
                workspace.assets.save(kind, asset_name(sample, kind), value)
    return workspace.datasets


def params_for(component: Component, sample: Sample, **overrides: Any) -> dict[str, Any]:
    """Defaults, with data set, label and empty required pickers filled in for this sample."""
    values: dict[str, Any] = {}
    for param in component.params:
        if param.kind.value == "Dataset" or (param.kind is ParamKind.STRING and param.name == "Dataset"):
            values[param.name] = sample.name
        elif param.kind is ParamKind.COLUMN_PICKER and param.single_column:
            values[param.name] = ColumnSelection.names(sample.label).to_dict()
        elif param.kind is ParamKind.COLUMN_PICKER and param.required and param.is_blank(param.default):
            values[param.name] = ColumnSelection.all().to_dict()
        elif param.name == "Random number seed":
            values[param.name] = SEED
    values.update(EXAMPLES.get(component.id, lambda _: {})(sample))
    values.update(overrides)
    return values


def resolved(component: Component, values: dict[str, Any]):
    params, problems = component.resolve_params(values)
    assert not problems, f"{component.name}: {[str(p) for p in problems]}"
    return params


def run(component: Component, inputs: dict, values: dict, catalog) -> dict:
    return component.run(RunContext(catalog=catalog), inputs, resolved(component, values))


def configure(component: Component, schemas: dict, values: dict, catalog) -> dict:
    return component.configure(DesignContext(catalog), schemas, resolved(component, values))


def schema_of(value: Any) -> Any:
    return value.schema if isinstance(value, Table) else getattr(value, "schema", None)


def producers(port_type: PortType) -> list[Component]:
    return [c for c in COMPONENTS if any(p.type is port_type for p in c.outputs)]


FED: dict[str, dict[PortType, list[Any]]] = {}


def feeds(sample: Sample, catalog) -> dict[PortType, list[Any]]:
    """Candidate values per input port type for this sample, made once per sample (components leave their inputs
    unchanged, so every test may share them)."""
    if sample.name not in FED:
        FED[sample.name] = made_feeds(sample, catalog)
    return FED[sample.name]


def made_feeds(sample: Sample, catalog) -> dict[PortType, list[Any]]:
    """Candidate values per input port type for this sample, made by the catalogue's own components."""
    tables = [sample.table]
    learners, tasks = [], set()
    quick_first = sorted(producers(PortType.UNTRAINED_MODEL), key=lambda c: c.id not in QUICK_LEARNERS)
    for component in quick_first:
        if component.inputs:
            continue
        values = params_for(component, sample)
        port = next(p.name for p in component.outputs if p.type is PortType.UNTRAINED_MODEL)
        task = getattr(getattr(configure(component, {}, values, catalog)[port], "task", None), "value", None)
        if task in (sample.task, *UNSUPERVISED) and task not in tasks:  # one learner per task: each learner's
            tasks.add(task)                                              # own tests train it on every sample
            learners.append(run(component, {}, values, catalog)[port])
    models = []
    for trainer in producers(PortType.MODEL):
        ports = {p.type: p.name for p in trainer.inputs}
        if len(trainer.inputs) != 2 or set(ports) != {PortType.UNTRAINED_MODEL, PortType.DATAFRAME}:
            continue
        out = next(p.name for p in trainer.outputs if p.type is PortType.MODEL)
        for learner in learners:  # the first learner of a kind this trainer takes
            try:
                models.append(run(trainer, {ports[PortType.UNTRAINED_MODEL]: learner,
                                            ports[PortType.DATAFRAME]: sample.table},
                                  params_for(trainer, sample), catalog)[out])
                break
            except ComponentError:
                continue  # a learner of another kind (clustering, anomaly detection, ...)
    for scorer in COMPONENTS:
        ports = {p.type: p.name for p in scorer.inputs}
        if set(ports) == {PortType.MODEL, PortType.DATAFRAME} and scorer.row_wise:  # Score Model, Assign Data...
            out = next(p.name for p in scorer.outputs if p.type is PortType.DATAFRAME)
            for model in models:  # every model of a kind this scorer takes
                try:
                    tables.append(run(scorer, {ports[PortType.MODEL]: model, ports[PortType.DATAFRAME]: sample.table},
                                      params_for(scorer, sample), catalog)[out])
                except ComponentError:
                    continue
    transforms = []
    for component in producers(PortType.TRANSFORMATION):
        ports = {p.type: p.name for p in component.inputs}
        if set(ports) != {PortType.DATAFRAME}:
            continue
        out = next(p.name for p in component.outputs if p.type is PortType.TRANSFORMATION)
        try:
            transforms.append(run(component, {ports[PortType.DATAFRAME]: sample.table},
                                  params_for(component, sample), catalog)[out])
        except ComponentError:
            continue  # this transformation does not apply to this sample with its defaults
    return {PortType.DATAFRAME: tables, PortType.UNTRAINED_MODEL: learners, PortType.MODEL: models,
            PortType.TRANSFORMATION: transforms}


def input_sets(component: Component, fed: dict[PortType, list[Any]]) -> list[dict[str, Any]]:
    """The i-th candidate on every port at once, for each i; then the same without the optional ports."""
    if any(not fed[p.type] and not p.optional for p in component.inputs):
        return []
    ports = [p for p in component.inputs if fed[p.type]]
    rounds = max((len(fed[p.type]) for p in ports), default=1)
    sets = [{p.name: fed[p.type][min(i, len(fed[p.type]) - 1)] for p in ports} for i in range(rounds)]
    if any(p.optional for p in ports):
        sets += [{k: v for k, v in inputs.items() if not component.input(k).optional} for inputs in sets]
    return sets


def outcome(call, *args) -> tuple[str, Any]:
    try:
        return "ok", call(*args)
    except ComponentError as error:
        return "error", error.code


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.id)
def test_spec_is_well_formed_and_its_defaults_valid(component: Component):
    described = json.loads(json.dumps(component.to_dict()))
    assert described["id"] == component.id and described["name"] and described["description"]
    assert len({p.name for p in component.inputs}) == len(component.inputs)
    assert len({p.name for p in component.outputs}) == len(component.outputs) >= 1
    for port in component.outputs:
        assert port.type is not PortType.DATAFRAME or port.viewer, f"{port.name} declares no viewer"
    params, problems = component.resolve_params({})
    for problem in problems:  # only required parameters without a default may be missing
        param = component.param(problem.parameter)
        assert param is not None and param.required and param.is_blank(param.default), str(problem)
    for param in component.params:
        if param.kind is ParamKind.COLUMN_PICKER:
            assert component.columns_port(param) in {p.name for p in component.inputs}
    pickle.loads(pickle.dumps(component))


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.id)
def test_configure_agrees_with_run_on_every_sample(component: Component, samples, catalog):
    checked = 0
    for sample in samples:
        fed = feeds(sample, catalog)
        values = params_for(component, sample)
        for inputs in input_sets(component, fed) if component.inputs else [{}]:
            schemas = {port: schema_of(value) for port, value in inputs.items()}
            designed = outcome(configure, component, schemas, values, catalog)
            ran = outcome(run, component, inputs, values, catalog)
            where = f"{component.name} on {sample.name} with {sorted(inputs)}"
            if designed[0] == "error":
                assert ran == designed, f"{where}: configure raised error {designed[1]}, run gave {ran[0]} {ran[1]}"
                continue
            if ran[0] == "error":
                continue  # found only in the data (a class count, a value that does not convert): allowed
            assert set(ran[1]) == {p.name for p in component.outputs}, where
            for port, expected in designed[1].items():
                if expected is not None:
                    assert schema_of(ran[1][port]) == expected, f"{where}: {port} differs from its configure schema"
            pickle.loads(pickle.dumps(ran[1]))
            checked += 1
    assert checked, f"{component.name} ran on no sample: give the harness a way to feed it"


@pytest.mark.parametrize("component", [c for c in COMPONENTS if any(p.type is PortType.DATAFRAME for p in c.inputs)],
                         ids=lambda c: c.id)
def test_an_empty_table_is_a_coded_error_or_an_empty_result(component: Component, samples, catalog):
    sample = samples[0]
    fed = feeds(sample, catalog)
    empty = Table(sample.table.frame.iloc[0:0], sample.table.roles)
    for inputs in input_sets(component, fed):
        inputs = {port: empty if isinstance(value, Table) else value for port, value in inputs.items()}
        kind, result = outcome(run, component, inputs, params_for(component, sample), catalog)
        if kind == "ok":
            pickle.loads(pickle.dumps(result))


@pytest.mark.parametrize("component", [c for c in COMPONENTS if any(p.kind is ParamKind.COLUMN_PICKER for p in c.params)],
                         ids=lambda c: c.id)
def test_a_column_picker_that_matches_nothing_is_a_coded_error(component: Component, samples, catalog):
    sample = samples[1]
    fed = feeds(sample, catalog)
    inputs = input_sets(component, fed)[0]
    schemas = {port: schema_of(value) for port, value in inputs.items()}
    for param in component.params:
        if param.kind is not ParamKind.COLUMN_PICKER:
            continue
        values = params_for(component, sample, **{param.name: MATCHES_NOTHING})
        designed = outcome(configure, component, schemas, values, catalog)
        ran = outcome(run, component, inputs, values, catalog)
        if param.required and component.is_visible(param, values):
            assert designed[0] == "error", f"{component.name} [{param.name}] matching nothing was accepted"
            assert ran == designed, f"{component.name} [{param.name}]: run gave {ran}, configure {designed}"


def test_the_shipped_samples_are_all_known_here():
    assert set(LABELS) == set(SAMPLE_DATASETS)
    assert all((resources() / "datasets" / SAMPLE_DATASETS[name][0]).exists() for name in LABELS)
