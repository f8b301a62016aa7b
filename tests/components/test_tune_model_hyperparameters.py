import itertools

import numpy as np
import pandas as pd
import pytest
from joblib import parallel_config
from sklearn import metrics

from engine.pipeline import Pipeline
from nodes.columns import ColumnSelection
from nodes.components.algorithms.k_means_clustering import COMPONENT as KMEANS
from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.algorithms.two_class_logistic_regression import COMPONENT as LOGISTIC
from nodes.components.training.tune_model_hyperparameters import COMPONENT
from nodes.errors import ComponentError
from nodes.table import Role, Table
from tests.components.ml_data import ml_configure, ml_frame, ml_run
from tests.engine.builders import node, wire

LABEL = {"Label column": ColumnSelection.names("cls").to_dict()}
RANGED = {"Create trainer mode": "ParameterRange", "Random number seed": 3}
GRID = {"Range for L1 regularization weight": "0.0", "Range for L2 regularization weight": "0.01; 1.0",
        "Range for optimization tolerance": "0.0001; 0.01", "Range for memory size for L-BFGS": "20"}  # lbfgs: quick
L2, TOL = "L2 regularization weight", "Optimization tolerance"


def logistic(**values):
    return ml_run(LOGISTIC, {}, **{**RANGED, **GRID, **values})["Untrained model"]


def table(rows=120, seed=0):
    return Table(ml_frame(rows, seed).drop(columns=["y"]))


def tune(learner, training, validation=None, **values):
    inputs = {"Untrained model": learner, "Training dataset": training, "Optional validation dataset": validation}
    return ml_run(COMPONENT, inputs, **{**LABEL, **values})


def test_entire_grid_scores_every_point_on_the_validation_set_like_scikit_learn():
    learner, training, validation = logistic(), table(120, 0), table(80, 1)
    out = tune(learner, training, validation, **{"Specify parameter sweeping mode": "Entire grid"})
    results = out["Sweep results"].frame
    assert sorted(zip(results[L2], results[TOL])) == sorted(itertools.product([0.01, 1.0], [0.0001, 0.01]))
    for _, row in results.iterrows():
        model = learner.at({L2: row[L2], TOL: row[TOL]}).fit(training, "cls")
        scores = model.score(validation.frame)
        actual = validation.frame["cls"]
        assert row["Accuracy"] == pytest.approx(metrics.accuracy_score(actual, scores["Scored Labels"]), abs=1e-9)
        positive = actual == model.classes[1]
        assert row["AUC"] == pytest.approx(metrics.roc_auc_score(positive, scores["Scored Probabilities"]), abs=1e-9)
    assert list(results["Accuracy"]) == sorted(results["Accuracy"], reverse=True)  # best first
    best = out["Trained best model"]
    refit = learner.at({L2: results[L2][0], TOL: results[TOL][0]}).fit(training, "cls")
    np.testing.assert_array_equal(best.score(validation.frame)["Scored Probabilities"],
                                  refit.score(validation.frame)["Scored Probabilities"])


def test_a_lower_is_better_metric_ranks_the_smallest_first():
    out = tune(logistic(), table(), table(80, 1), **{"Specify parameter sweeping mode": "Entire grid",
                                                     "Metric for measuring performance for classification":
                                                     "Average Log Loss"})
    losses = out["Sweep results"].frame["Average Log Loss"]
    assert list(losses) == sorted(losses)


def test_random_grid_draws_distinct_grid_points_and_the_seed_repeats_them():
    values = {"Specify parameter sweeping mode": "Random grid", "Maximum number of runs on random sweep": 3}
    first = tune(logistic(), table(), table(80, 1), **values)["Sweep results"].frame
    again = tune(logistic(), table(), table(80, 1), **values)["Sweep results"].frame
    points = set(zip(first[L2], first[TOL]))
    assert len(first) == len(points) == 3
    assert points <= set(itertools.product([0.01, 1.0], [0.0001, 0.01]))
    pd.testing.assert_frame_equal(first, again)


def test_random_sweep_draws_values_within_each_range():
    learner = ml_run(LINEAR, {}, **{"Solution method": "Online Gradient Descent", **RANGED})["Untrained model"]
    data = Table(ml_frame(120).drop(columns=["cls"]))
    out = ml_run(COMPONENT, {"Untrained model": learner, "Training dataset": data},
                 **{"Label column": ColumnSelection.names("y").to_dict(), "Maximum number of runs on random sweep": 4,
                    "Metric for measuring performance for regression": "Coefficient of determination"})
    results = out["Sweep results"].frame
    assert len(results) == 4 and len(set(results["Learning rate"])) == 4
    assert results["Learning rate"].between(0.025, 0.2).all() and results["Number of epochs"].between(1, 100).all()
    assert list(results["Coefficient of determination"]) == sorted(results["Coefficient of determination"],
                                                                   reverse=True)
    assert list(results.columns[:3]) == ["Learning rate", "Number of epochs", "L2 regularization term weight"]


def test_without_a_validation_set_each_point_is_cross_validated_over_upstream_folds():
    data = table(100)
    folds = data.with_frame(data.frame.assign(Fold=np.arange(100) % 4 + 1)).with_roles(Fold=Role.NONE)
    out = tune(logistic(), folds, **{"Specify parameter sweeping mode": "Entire grid"})
    row = out["Sweep results"].frame.iloc[0]
    learner = logistic().at({L2: row[L2], TOL: row[TOL]})
    accuracies = []
    for fold in range(1, 5):
        test = folds.frame["Fold"] == fold
        model = learner.fit(folds.with_frame(folds.frame[~test]), "cls")
        accuracies.append(metrics.accuracy_score(folds.frame["cls"][test],
                                                 model.score(folds.frame[test])["Scored Labels"]))
    assert row["Accuracy"] == pytest.approx(np.mean(accuracies), abs=1e-12)
    assert "Fold" not in [c.name for c in out["Trained best model"].features]


def test_the_backend_does_not_change_the_results():
    values = {"Specify parameter sweeping mode": "Random grid", "Maximum number of runs on random sweep": 3}
    on_threads = tune(logistic(**{"Random number seed": None}), table(60), **values)
    with parallel_config(backend="loky", n_jobs=2):
        on_processes = tune(logistic(**{"Random number seed": None}), table(60), **values)
    pd.testing.assert_frame_equal(on_threads["Sweep results"].frame, on_processes["Sweep results"].frame)


def test_the_best_model_schema_is_known_at_design_time():
    schema = ml_configure(COMPONENT, {"Untrained model": logistic().schema, "Training dataset": table().schema},
                          **LABEL)["Trained best model"]
    out = tune(logistic(), table(), table(80, 1))
    assert schema == out["Trained best model"].schema


def test_clustering_learners_and_a_validation_set_without_the_label_are_refused():
    kmeans = ml_run(KMEANS, {})["Untrained model"]
    with pytest.raises(ComponentError) as caught:
        ml_configure(COMPONENT, {"Untrained model": kmeans.schema, "Training dataset": table().schema}, **LABEL)
    assert caught.value.code == 13
    unlabelled = Table(table(80, 1).frame.drop(columns=["cls"]))
    with pytest.raises(ComponentError) as caught:
        tune(logistic(), table(), unlabelled)
    assert caught.value.code == 1 and caught.value.column == "cls"


def test_the_same_seed_gives_the_same_best_parameters_on_threads_and_on_worker_processes(engine):
    data = node("enter_data_manually", Data=table(60).frame.to_csv(index=False))
    learner = node("two_class_logistic_regression", **{**RANGED, **GRID, "Random number seed": None})
    tuner = node("tune_model_hyperparameters", **{**LABEL, "Specify parameter sweeping mode": "Random grid",
                                                  "Maximum number of runs on random sweep": 3, "Random seed": 5})
    edges = [wire(learner, "Untrained model", tuner, "Untrained model"),
             wire(data, "Dataset", tuner, "Training dataset")]
    results = []
    for compute in ("local", "local-processes"):
        pipeline = Pipeline(nodes=[data, learner, tuner], edges=edges, default_compute=compute)
        job = engine.submit(pipeline, regenerate=True).wait(300)
        assert job.status == "Completed", job.error
        results.append(engine.output(job.id, tuner.id, "Sweep results").frame)
    pd.testing.assert_frame_equal(*results)
