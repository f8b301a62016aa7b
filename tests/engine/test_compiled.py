"""The compiled fast path of real-time serving: every sample's real-time inference pipeline (and the samples with
their learner swapped for another of the same task) scores the sample's own rows, rows with missing values and
rows with unknown levels as the in-memory evaluation of the pipeline does (1e-6 for numbers, exact otherwise),
through `score_columns` and through `score`; a graph with a step the compiler does not know is served by the
general path with the same results."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engine.engine import Engine
from engine.evaluate import EvaluationError, evaluate
from engine.graph import upstream
from engine.inference import InferenceError, create_inference_pipeline
from engine.pipeline import Edge, Node, Pipeline
from engine.serving import PreparedDeployment, ServingError
from engine.workspace import Workspace
from nodes.conversion import conform
from nodes.models import TrainedModel
from nodes.schema import ColumnType, TableSchema
from nodes.table import Table

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
DATASET = "Dataset"
COMPILED_COMPONENTS = {"web_service_input", "web_service_output", "dataset", "saved_model", "saved_transformation",
                       "select_columns", "edit_metadata", "apply_transformation", "score_model",
                       "assign_data_to_clusters"}
COMPILED_ESTIMATORS = {"LinearRegression", "Ridge", "SGDRegressor", "Lasso", "ElasticNet", "PoissonRegressor",
                       "LogisticRegression", "DecisionTreeRegressor", "DecisionTreeClassifier",
                       "RandomForestRegressor", "RandomForestClassifier", "HistGradientBoostingRegressor",
                       "HistGradientBoostingClassifier", "MLPRegressor", "MLPClassifier", "CalibratedClassifierCV", "KMeans"}
REFUSE_UNKNOWN = {"Allow unknown categorical levels": False}
FEW_TREES = {"Total number of trees constructed": 20}
REGRESSION, BINARY, MULTICLASS = "regression_automobile_fuel_economy", "binary_breast_cancer", "multiclass_penguins"
SWAPS = [  # (sample, a learner of its task that replaces the sample's own, its parameters)
    (REGRESSION, "boosted_decision_tree_regression", FEW_TREES), (REGRESSION, "decision_forest_regression", {}),
    (REGRESSION, "neural_network_regression", {}), (REGRESSION, "poisson_regression", {}),
    (REGRESSION, "neural_network_regression", {"The type of normalizer": "Binning"}),
    (REGRESSION, "linear_regression", REFUSE_UNKNOWN),
    (BINARY, "two_class_boosted_decision_tree", FEW_TREES), (BINARY, "two_class_decision_forest", {}),
    (BINARY, "two_class_neural_network", {}), (BINARY, "two_class_support_vector_machine", {}),
    (BINARY, "two_class_support_vector_machine", {"Project to the unit-sphere": True}),
    (BINARY, "two_class_averaged_perceptron", {}),
    (MULTICLASS, "multiclass_logistic_regression", {}), (MULTICLASS, "multiclass_decision_forest", {}),
    (MULTICLASS, "multiclass_boosted_decision_tree", FEW_TREES), (MULTICLASS, "multiclass_neural_network", {}),
]
COMPILED_TRANSFORMS = {"ColumnTransform", "KeepColumns"}
UNKNOWN = "no such level"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    workspace = Workspace(tmp_path_factory.mktemp("compiled"))
    engine = Engine(workspace, max_workers=2)
    yield workspace, engine, {}
    engine.close()
    workspace.close()


def realtime(lab, training: Pipeline) -> Pipeline:
    """The real-time inference pipeline of a completed run of `training`, trained once per module (skips samples
    that train nothing)."""
    workspace, engine, jobs = lab
    if training.name not in jobs:
        job = engine.submit(training).wait(300)
        assert job.status == "Completed", job.error
        jobs[training.name] = job.id
    job_id = jobs[training.name]
    try:
        pipeline, _ = create_inference_pipeline(workspace, job_id, "realtime")
    except InferenceError as error:
        pytest.skip(f"{training.name}: {error}")
    return pipeline


def sample(name: str) -> Pipeline:
    """A sample pipeline; "multiclass_penguins" is the binary sample on the penguins (text features and missing
    values), predicting the species, without Evaluate Model."""
    if name != MULTICLASS:
        return Pipeline.load(SAMPLES / f"{name}.json")
    text = (SAMPLES / f"{BINARY}.json").read_text().replace("Breast cancer diagnosis", "Palmer penguins")
    binary = Pipeline.from_json(text.replace('"diagnosis"', '"species"'))
    kept = [n for n in binary.nodes if n.component != "evaluate_model"]
    ids = {n.id for n in kept}
    edges = [e for e in binary.edges if e.target in ids]
    return binary.model_copy(update={"nodes": kept, "edges": edges, "name": "Multiclass: Palmer penguins"})


def swapped(training: Pipeline, learner: str, params: dict, registry) -> Pipeline:
    """`training` with its learner node replaced by a node of `learner` with `params` (others by default)."""
    old = next(n for n in training.nodes if registry[n.component].category == "Machine Learning Algorithms")
    new = Node(component=learner, version=registry[learner].version, params=params, position=old.position)
    edges = [e.model_copy(update={"source": new.id}) if e.source == old.id else e for e in training.edges]
    nodes = [new if n.id == old.id else n for n in training.nodes]
    return training.model_copy(update={"nodes": nodes, "edges": edges, "name": f"{training.name} ({learner} {params})"})


def requests(lab, pipeline: Pipeline, schema: TableSchema) -> tuple[Table, Table]:
    """The sample's rows plus rows with one missing value each; and rows with an unknown level per text column."""
    workspace, _, _ = lab
    (data,) = [n for n in pipeline.nodes if n.component == "dataset"]
    frame = workspace.datasets.load_dataset(data.params["Dataset"]).frame[schema.names]
    gaps = frame.head(len(schema.columns)).copy().astype(object)
    for row in range(len(schema.columns)):
        gaps.iloc[row, row] = None
    texts = [c.name for c in schema.columns if c.type is ColumnType.STRING]
    unknown = frame.head(max(len(texts), 1)).copy().astype(object)
    for row, name in enumerate(texts):
        unknown.iloc[row, unknown.columns.get_loc(name)] = UNKNOWN
    return table(pd.concat([frame.astype(object), gaps], ignore_index=True), schema), table(unknown, schema)


def table(frame: pd.DataFrame, schema: TableSchema) -> Table:
    """Request rows as the server's general path receives them: each column conformed to its schema column."""
    frame = frame.astype(object).where(frame.notna(), None)
    return Table(pd.DataFrame({c.name: conform(frame[c.name].infer_objects(), c) for c in schema.columns}))


def columns(request: Table) -> dict[str, np.ndarray]:
    """Request rows as a caller of `score_columns` gives them: numbers as float64, the rest as objects."""
    return {str(name): series.to_numpy(dtype=np.float64, na_value=np.nan) if pd.api.types.is_numeric_dtype(series)
            and not pd.api.types.is_bool_dtype(series) else series.to_numpy(dtype=object, na_value=None)
            for name, series in request.frame.items()}


def general(deployment: PreparedDeployment, lab, request: Table) -> dict[str, Table]:
    """The in-memory evaluation of the inference pipeline's nodes that feed a Web Service Output (not Evaluate
    Model, which serving leaves out), each output's table: the reference."""
    workspace, engine, _ = lab
    (wsi,) = deployment.inputs
    outputs = {port.node_id: port.name for port in deployment.outputs}
    pipeline = deployment.pipeline
    needed = upstream(pipeline, set(outputs))
    serving = pipeline.model_copy(update={"nodes": [n for n in pipeline.nodes if n.id in needed],
                                          "edges": [e for e in pipeline.edges if e.target in needed]})
    out = evaluate(serving, {wsi.node_id: {DATASET: request}}, registry=engine.registry,
                   catalog=workspace.datasets, keep=set(outputs))
    return {name: out[node_id][DATASET] for node_id, name in outputs.items()}


def assert_same(got: dict[str, np.ndarray] | pd.DataFrame, expected: pd.DataFrame) -> None:
    assert [str(c) for c in got] == [str(c) for c in expected.columns]
    for name in expected.columns:
        want, have = expected[name], pd.Series(np.asarray(got[name]), dtype=object)
        assert len(have) == len(want), name
        if pd.api.types.is_numeric_dtype(want) and not pd.api.types.is_bool_dtype(want):
            np.testing.assert_allclose(pd.to_numeric(have).to_numpy(np.float64, na_value=np.nan),
                                       want.to_numpy(np.float64, na_value=np.nan), rtol=1e-6, atol=1e-6,
                                       err_msg=name)
        else:
            assert plain(have) == plain(want), name


def plain(series: pd.Series) -> list:
    return [None if pd.isna(v) else v.item() if isinstance(v, np.generic) else v for v in series.astype(object)]


def compilable(deployment: PreparedDeployment) -> bool:
    """Every step is a component, and every fitted model and transformation one, that the compiler knows."""
    components = {n.component for n in deployment.pipeline.nodes if n.component != "evaluate_model"}
    fitted = deployment.fitted()
    estimators = {type(v.pipeline.steps[-1][1]).__name__ for v in fitted if isinstance(v, TrainedModel)}
    transforms = {type(v).__name__ for v in fitted if not isinstance(v, TrainedModel)}
    return (components <= COMPILED_COMPONENTS and estimators <= COMPILED_ESTIMATORS
            and transforms <= COMPILED_TRANSFORMS)


def assert_paths_agree(lab, pipeline: Pipeline) -> PreparedDeployment:
    """Both paths answer the sample's rows (with missing values), rows with unknown levels and no rows as the
    pipeline's evaluation does: the same tables, or the same error."""
    workspace, engine, _ = lab
    deployment = PreparedDeployment(pipeline, engine.registry, workspace.datasets)
    (port,) = deployment.inputs
    rows, unknown = requests(lab, pipeline, port.schema)
    for request in (rows, unknown, Table(rows.frame.head(0))):
        assert_same_answer(lab, deployment, request)
    return deployment


def assert_same_answer(lab, deployment: PreparedDeployment, request: Table) -> None:
    (port,) = deployment.inputs
    try:
        expected = general(deployment, lab, request)
    except EvaluationError as error:  # e.g. a model that refuses unknown levels: both paths say so
        with pytest.raises(EvaluationError, match=str(error.error.code)):
            deployment.score({port.name: request})
        if deployment.path == "compiled":
            with pytest.raises(EvaluationError, match=str(error.error.code)):
                deployment.score_columns({port.name: columns(request)})
        return
    scored = deployment.score({port.name: request})
    assert list(scored) == list(expected)
    for name, table in expected.items():
        assert_same(scored[name].frame, table.frame)
        assert scored[name].schema == table.schema
    if deployment.path == "compiled":
        arrays = deployment.score_columns({port.name: columns(request)})
        assert list(arrays) == list(expected)
        for name, table in expected.items():
            assert_same(arrays[name], table.frame)


@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLES.glob("*.json")))
def test_every_sample_scores_alike_on_both_paths(lab, name):
    pipeline = realtime(lab, sample(name))
    deployment = assert_paths_agree(lab, pipeline)
    if compilable(deployment):
        assert deployment.path == "compiled", deployment.general_because


@pytest.mark.parametrize(("name", "learner", "params"), SWAPS)
def test_other_learners_score_alike_on_both_paths(lab, name, learner, params):
    _, engine, _ = lab
    pipeline = realtime(lab, swapped(sample(name), learner, params, engine.registry))
    deployment = assert_paths_agree(lab, pipeline)
    if compilable(deployment):
        assert deployment.path == "compiled", deployment.general_because


def test_a_step_without_a_compiled_form_is_served_by_the_general_path(lab):
    _, engine, _ = lab
    pipeline = realtime(lab, sample(REGRESSION))
    (wsi,) = [n for n in pipeline.nodes if n.component == "web_service_input"]
    dedupe = Node(component="remove_duplicate_rows", version=engine.registry["remove_duplicate_rows"].version,
                  params={"Key column selection filter expression": {"isFilter": True, "rules": [
                      {"ruleType": "AllColumns", "exclude": False}]}})
    edges = [e.model_copy(update={"source": dedupe.id, "source_port": "Results dataset"}) if e.source == wsi.id
             else e for e in pipeline.edges]
    edges.append(Edge(source=wsi.id, source_port=DATASET, target=dedupe.id, target_port=DATASET))
    pipeline = pipeline.model_copy(update={"nodes": [*pipeline.nodes, dedupe], "edges": edges})
    deployment = assert_paths_agree(lab, pipeline)
    assert deployment.path == "general" and "Remove Duplicate Rows" in deployment.general_because
    with pytest.raises(ServingError, match="general path"):
        deployment.score_columns({deployment.inputs[0].name: {}})
