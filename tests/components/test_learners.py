"""Every learner: the reference's parameters, and results equal to the scikit-learn call its `maps_to` names.

Each case trains a learner through Train Model (or its own trainer) and Score Model on features with gaps,
text and categories, and compares the score columns with the same scikit-learn estimator fitted directly on
features encoded by hand (mean-imputed, scaled as the learner says, one-hot encoded), with the same seed.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.special import softmax
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import (
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.linear_model import LogisticRegression, PoissonRegressor, Ridge, SGDClassifier
from sklearn.multiclass import OneVsOneClassifier, OneVsRestClassifier
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from threadpoolctl import threadpool_limits

from nodes.component import Component
from nodes.components.scoring.score_model import COMPONENT as SCORE
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.errors import ComponentError
from nodes.registry import default_registry
from nodes.table import Table
from nodes.tasks import LearnerSchema, Task
from tests.components.ml_data import ml_configure, ml_frame, ml_manual_features, ml_run

SEED = 3
REGISTRY = default_registry()
LEARNERS = [c for c in REGISTRY if c.category == "Machine Learning Algorithms" and not c.inputs]
SCALERS = {None: None, "Gaussian": StandardScaler, "Min-Max": MinMaxScaler}
FOREST = {"n_estimators": 8, "max_depth": 32, "min_samples_leaf": 1, "bootstrap": True, "random_state": SEED}
BOOSTED = {"max_leaf_nodes": 20, "min_samples_leaf": 10, "learning_rate": 0.2, "max_iter": 100,
           "early_stopping": False, "random_state": SEED}
NETWORK = {"hidden_layer_sizes": (100,), "solver": "sgd", "learning_rate": "adaptive", "learning_rate_init": 0.1,
           "momentum": 0.0, "max_iter": 100, "shuffle": True, "random_state": SEED}
LOGISTIC = LogisticRegression(C=0.5, l1_ratio=0.5, solver="saga", tol=1e-7, max_iter=1000, random_state=SEED)


def calibrated(model) -> CalibratedClassifierCV:
    return CalibratedClassifierCV(model, method="sigmoid", ensemble=False)


# component id, label column, scaler, the direct scikit-learn estimator
CASES = [
    ("linear_regression", "y", None, Ridge(alpha=0.001, solver="cholesky")),
    ("boosted_decision_tree_regression", "y", None, HistGradientBoostingRegressor(**BOOSTED)),
    ("decision_forest_regression", "y", None, RandomForestRegressor(**FOREST)),
    ("neural_network_regression", "y", "Min-Max", MLPRegressor(**NETWORK)),
    ("poisson_regression", "count", "Gaussian", PoissonRegressor(alpha=1.0, tol=1e-7, max_iter=1000)),
    ("two_class_logistic_regression", "cls", "Gaussian", LOGISTIC),
    ("two_class_boosted_decision_tree", "cls", None, HistGradientBoostingClassifier(**BOOSTED)),
    ("two_class_decision_forest", "cls", None, RandomForestClassifier(**FOREST)),
    ("two_class_neural_network", "cls", "Min-Max", MLPClassifier(**NETWORK)),
    ("two_class_support_vector_machine", "cls", "Min-Max", calibrated(SGDClassifier(
        loss="hinge", penalty="l2", alpha=0.001, learning_rate="optimal", max_iter=10, tol=None, random_state=SEED))),
    ("two_class_averaged_perceptron", "cls", "Min-Max", calibrated(SGDClassifier(
        loss="perceptron", penalty=None, learning_rate="constant", eta0=1.0, average=True, max_iter=10, tol=None,
        random_state=SEED))),
    ("multiclass_logistic_regression", "tier", "Gaussian", LOGISTIC),
    ("multiclass_boosted_decision_tree", "tier", None, HistGradientBoostingClassifier(**BOOSTED)),
    ("multiclass_decision_forest", "tier", None, RandomForestClassifier(**FOREST)),
    ("multiclass_neural_network", "tier", "Min-Max", MLPClassifier(**NETWORK)),
]


def frame() -> pd.DataFrame:
    data = ml_frame(rows=90, seed=1)
    data["tier"] = pd.qcut(data["y"], 3, labels=["low", "mid", "high"]).astype(str)
    data["count"] = np.round(np.exp(data["y"] / 4))
    return data


def learner(component: Component, **values):
    seed = {"Random number seed": SEED} if component.param("Random number seed") else {}
    return ml_run(component, {}, **{**seed, **values})["Untrained model"]


def encoded(data: pd.DataFrame, scaler: str | None) -> np.ndarray:
    x, _ = ml_manual_features(data, data)
    if SCALERS[scaler]:
        x[:, :2] = SCALERS[scaler]().fit_transform(x[:, :2])
    return x


def trained_and_scored(untrained, data: pd.DataFrame, label: str) -> tuple:
    features = data.drop(columns=[c for c in ("y", "cls", "tier", "count") if c != label])
    model = ml_run(TRAIN, {"Untrained model": untrained, "Dataset": Table(features)},
                   **{"Label column": label})["Trained model"]
    return model, ml_run(SCORE, {"Trained model": model, "Dataset": Table(features)})["Scored dataset"].frame


def expected_scores(estimator, x: np.ndarray, y: np.ndarray, task: Task) -> dict[str, np.ndarray]:
    fitted = clone(estimator).fit(x, y)
    if task is Task.REGRESSION:
        return {"Scored Labels": fitted.predict(x)}
    probabilities = fitted.predict_proba(x)
    if task is Task.BINARY:
        return {"Scored Probabilities": probabilities[:, 1],
                "Scored Labels": fitted.classes_[(probabilities[:, 1] >= 0.5).astype(int)]}
    return {**{f"Scored Probabilities_{c}": probabilities[:, i] for i, c in enumerate(fitted.classes_)},
            "Scored Labels": fitted.classes_[probabilities.argmax(axis=1)]}


def assert_scores(scored: pd.DataFrame, expected: dict[str, np.ndarray]) -> None:
    for column, values in expected.items():
        if values.dtype.kind in "fc":
            np.testing.assert_allclose(scored[column].to_numpy(dtype=float), values, rtol=1e-9, atol=1e-9,
                                       err_msg=column)
        else:
            assert scored[column].tolist() == values.tolist(), column


@pytest.fixture(autouse=True)
def quiet():
    with warnings.catch_warnings(), threadpool_limits(1):  # one thread: OpenMP trees crawl on a busy machine
        warnings.simplefilter("ignore")  # convergence warnings of the short default runs
        yield


@pytest.mark.parametrize("component_id, label, scaler, estimator", CASES, ids=[c[0] for c in CASES])
def test_scores_equal_the_direct_scikit_learn_call(component_id, label, scaler, estimator):
    data = frame()
    untrained = learner(REGISTRY[component_id])
    assert untrained.scaler == scaler
    model, scored = trained_and_scored(untrained, data, label)
    y = data[label].to_numpy(dtype=float if untrained.task.regression else object)
    assert_scores(scored, expected_scores(estimator, encoded(data, scaler), y, untrained.task))


def test_quantile_forest_scores_quantiles_of_its_trees():
    data = frame()
    untrained = learner(REGISTRY["fast_forest_quantile_regression"],
                        **{"Quantiles to be estimated": "0.1; 0.9", "Number of Trees": 20})
    model, scored = trained_and_scored(untrained, data, "y")
    forest = RandomForestRegressor(n_estimators=20, max_leaf_nodes=20, min_samples_leaf=10, max_samples=0.7,
                                   max_features=0.7, random_state=SEED).fit(encoded(data, None), data["y"])
    trees = np.stack([tree.predict(encoded(data, None)) for tree in forest.estimators_], axis=1)
    assert list(scored.columns[-2:]) == ["Scores for quantile:0.100", "Scores for quantile:0.900"]
    np.testing.assert_allclose(scored["Scores for quantile:0.100"], np.quantile(trees, 0.1, axis=1), rtol=1e-9)
    np.testing.assert_allclose(scored["Scores for quantile:0.900"], np.quantile(trees, 0.9, axis=1), rtol=1e-9)
    assert model.score_schema().names == ["Scores for quantile:0.100", "Scores for quantile:0.900"]


@pytest.mark.parametrize("wrapper, multiclass", [("one_vs_all_multiclass", OneVsRestClassifier),
                                                 ("one_vs_one_multiclass", OneVsOneClassifier)])
def test_one_versus_wraps_the_binary_learner(wrapper, multiclass):
    data = frame()
    binary = learner(REGISTRY["two_class_logistic_regression"], **{"Create trainer mode": "ParameterRange"})
    untrained = ml_run(REGISTRY[wrapper], {"Untrained binary classification model": binary})["Untrained model"]
    assert untrained.task is Task.MULTICLASS and untrained.grid == binary.grid and untrained.scaler == "Gaussian"
    _, scored = trained_and_scored(untrained, data, "tier")
    x, y = encoded(data, "Gaussian"), data["tier"].to_numpy(dtype=object)
    fitted = multiclass(LogisticRegression(C=100.0, l1_ratio=0.0, solver="lbfgs", tol=1e-5, max_iter=1000,
                                           random_state=SEED)).fit(x, y)
    probabilities = fitted.predict_proba(x) if multiclass is OneVsRestClassifier else softmax(
        fitted.decision_function(x), axis=1)
    expected = {f"Scored Probabilities_{c}": probabilities[:, i] for i, c in enumerate(fitted.classes_)}
    assert_scores(scored, {**expected, "Scored Labels": fitted.predict(x)})
    point = untrained.at({"L2 regularization weight": 1.0})  # L1 stays at its range's first value, 0
    assert isinstance(point.estimator, multiclass) and point.estimator.estimator.C == 1.0


def test_one_versus_refuses_a_learner_that_is_not_two_class():
    regression = learner(REGISTRY["linear_regression"])
    wrapper = REGISTRY["one_vs_all_multiclass"]
    port = "Untrained binary classification model"
    with pytest.raises(ComponentError) as designed:
        ml_configure(wrapper, {port: regression.schema})
    with pytest.raises(ComponentError) as ran:
        ml_run(wrapper, {port: regression})
    assert designed.value.code == ran.value.code == 13 and "Linear Regression" in ran.value.message
    assert ml_configure(wrapper, {port: None})["Untrained model"] == LearnerSchema("One-vs-All Multiclass",
                                                                                   Task.MULTICLASS)


# Reference §1.5: each learner's defaults and default sweep ranges.
REFERENCE = {
    "boosted_decision_tree_regression": {
        "Maximum number of leaves per tree": 20, "Minimum number of samples per leaf node": 10, "Learning rate": 0.2,
        "Total number of trees constructed": 100, "Range for maximum number of leaves per tree": "2; 8; 32; 128",
        "Range for minimum number of training instances required to form a leaf": "1; 10; 50",
        "Range for learning rate": "0.025; 0.05; 0.1; 0.2; 0.4",
        "Range for total number of trees constructed": "20; 100; 500"},
    "decision_forest_regression": {
        "Resampling method": "Bagging Resampling", "Number of decision trees": 8,
        "Maximum depth of the decision trees": 32, "Number of random splits per node": 128,
        "Minimum number of samples per leaf node": 1, "Range for number of decision trees": "1; 8; 32",
        "Range for the maximum depth of the decision trees": "1; 16; 64",
        "Range for the number of random splits per node": "1; 128; 1024",
        "Range for the minimum number of samples per leaf node": "1; 4; 16",
        "Allow unknown values for categorical features": True},
    "neural_network_regression": {
        "Hidden layer specification": "Fully-connected case", "Number of hidden nodes": "100",
        "The initial learning weights diameter": 0.1, "Learning rate": 0.1, "The momentum": 0.0,
        "The type of normalizer": "Min-Max", "Number of learning iterations": 100, "Shuffle examples": True,
        "Range for learning rate": "0.1; 0.2; 0.4", "Range for number of learning iterations": "20; 40; 80; 160"},
    "poisson_regression": {
        "Optimization tolerance": 1e-7, "L1 regularization weight": 1.0, "L2 regularization weight": 1.0,
        "Memory size for L-BFGS": 20, "Range for optimization tolerance": "0.00001; 0.00000001",
        "Range for L1 regularization weight": "0.0; 0.01; 0.1; 1.0",
        "Range for L2 regularization weight": "0.01; 0.1; 1.0", "Range for memory size for L-BFGS": "5; 20; 50"},
    "fast_forest_quantile_regression": {
        "Number of Trees": 100, "Number of Leaves": 20,
        "Minimum number of training instances required to form a leaf": 10, "Bagging fraction": 0.7,
        "Feature fraction": 0.7, "Split fraction": 0.7, "Quantile sample count": 100,
        "Quantiles to be estimated": "0.25; 0.5; 0.75"},
    "two_class_support_vector_machine": {
        "Number of iterations": 10, "Lambda": 0.001, "Normalize features": True, "Project to the unit-sphere": False,
        "Range for number of iterations": "1; 10; 100", "Range for lambda": "0.00001; 0.0001; 0.001; 0.01; 0.1"},
    "two_class_averaged_perceptron": {
        "Learning rate": 1.0, "Maximum number of iterations": 10, "Range for learning rate": "0.1; 0.5; 1.0",
        "Range for maximum number of iterations": "1; 10"},
    "k_means_clustering": {
        "Number of centroids": 2, "Range for Number of Centroids": "2; 3; 4; 5", "Initialization": "K-Means++",
        "Metric": "Euclidean", "Normalize features": True, "Iterations": 100, "Assign label mode": "Ignore label column"},
    "pca_based_anomaly_detection": {
        "Training mode": "SingleParameter", "Number of components to use in PCA": 2,
        "Oversampling parameter for randomized PCA": 2, "Enable input feature mean normalization": False,
        "Range for number of PCA components": "2; 4; 6; 8; 10",
        "Range for the oversampling parameter used in randomized PCA": "2; 4; 6; 8; 10"},
}
SHARED = {"two_class_boosted_decision_tree": "boosted_decision_tree_regression",
          "multiclass_boosted_decision_tree": "boosted_decision_tree_regression",
          "two_class_decision_forest": "decision_forest_regression",
          "multiclass_decision_forest": "decision_forest_regression",
          "two_class_neural_network": "neural_network_regression",
          "multiclass_neural_network": "neural_network_regression",
          "two_class_logistic_regression": "poisson_regression",
          "multiclass_logistic_regression": "poisson_regression"}


@pytest.mark.parametrize("component_id", [*REFERENCE, *SHARED])
def test_defaults_and_ranges_are_the_reference_ones(component_id):
    defaults = REGISTRY[component_id].defaults()
    expected = REFERENCE[SHARED.get(component_id, component_id)]
    assert {name: defaults.get(name, "(missing)") for name in expected} == expected


ONLINE = {"linear_regression": {"Solution method": "Online Gradient Descent"}}  # its sweeps need this method


@pytest.mark.parametrize("component", LEARNERS, ids=lambda c: c.id)
def test_every_learner_states_its_mapping_and_sweeps_in_range_mode(component):
    assert "sklearn." in component.maps_to
    values = {component.trainer_mode.name: "ParameterRange", **ONLINE.get(component.id, {})}
    ranged = learner(component, **values)
    sweeps = {p.name: p.range_param.coerce(p.sweep) for p in component.params if p.tunable}
    assert sweeps and ranged.grid == sweeps
    point = {name: values[-1] for name, values in sweeps.items()}
    assert ranged.at(point).params.grid == {name: [value] for name, value in point.items()}
    ml_configure(component, {})  # the schema needs no input


def test_a_parameter_the_estimator_cannot_take_fails_at_the_learner():
    with pytest.raises(ComponentError) as error:
        learner(REGISTRY["neural_network_regression"], **{"Number of hidden nodes": "100, many"})
    assert error.value.code == 2 and error.value.parameter == "Number of hidden nodes"
    with pytest.raises(ComponentError) as error:
        ml_configure(REGISTRY["fast_forest_quantile_regression"], {}, **{"Quantiles to be estimated": "0.5; 2"})
    assert error.value.code == 2
    assert learner(REGISTRY["neural_network_regression"], **{"Number of hidden nodes": "8, 4"}).estimator \
        .hidden_layer_sizes == (8, 4)


def test_raw_text_columns_train_without_one_hot_and_unknown_levels_score():
    data = frame()
    model, _ = trained_and_scored(learner(REGISTRY["two_class_decision_forest"]), data, "cls")
    unseen = data.drop(columns=["y", "tier", "count"]).head(3).assign(colour="purple")
    assert model.score(unseen)["Scored Probabilities"].between(0, 1).all()
