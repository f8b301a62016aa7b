import numpy as np
import pandas as pd
import pytest
from sklearn import metrics
from sklearn.inspection import permutation_importance

from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.scoring.permutation_feature_importance import COMPONENT
from nodes.errors import ComponentError
from nodes.learner import Learner
from nodes.models import Task
from nodes.table import Table
from tests.components.ml_data import ml_configure, ml_frame, ml_run, plain_logistic

METRIC = "Metric for measuring performance"


def importance(model, table, metric, seed=0):
    return ml_run(COMPONENT, {"Trained model": model, "Test data": table},
                  **{METRIC: metric, "Random seed": seed})["Feature importance"].frame


def test_classifier_importance_equals_scikit_learns_permutation_importance():
    frame = ml_frame(80).drop(columns=["y"])
    model = Learner("Logistic", Task.BINARY, plain_logistic).fit(Table(frame), "cls")
    found = importance(model, Table(frame), "Accuracy", seed=5)
    x = frame[[c.name for c in model.features]]
    expected = permutation_importance(model.pipeline, x, frame["cls"], scoring="accuracy", n_repeats=1,
                                      random_state=5)
    assert list(found["Score"]) == sorted(found["Score"], reverse=True)
    by_feature = dict(zip(found["Feature"], found["Score"], strict=True))
    for name, value in zip(x.columns, expected.importances_mean, strict=True):
        assert by_feature[name] == pytest.approx(value, abs=1e-12)


def test_an_error_metric_scores_the_increase_and_an_unused_feature_scores_zero():
    frame = ml_frame(80).drop(columns=["cls"]).assign(constant=1.0)
    model = ml_run(LINEAR, {})["Untrained model"].fit(Table(frame), "y")
    found = importance(model, Table(frame), "Mean Absolute Error").set_index("Feature")["Score"]
    x = frame[[c.name for c in model.features]]
    error = metrics.mean_absolute_error
    expected = permutation_importance(model.pipeline, x, frame["y"], n_repeats=1, random_state=0,
                                      scoring=lambda est, xs, ys: -error(ys, est.predict(xs)))
    for name, value in zip(x.columns, expected.importances_mean, strict=True):
        assert found[name] == pytest.approx(value, abs=1e-12)
    assert found["x1"] > 0 and found["constant"] == 0


@pytest.mark.parametrize("metric", ["Precision", "Recall", "Average Log Loss"])
def test_every_classification_metric_runs_on_a_multiclass_model(metric):
    frame = ml_frame(80).drop(columns=["y", "cls"]).dropna(subset=["colour"])
    model = Learner("Multi", Task.MULTICLASS, plain_logistic).fit(Table(frame), "colour")
    found = importance(model, Table(frame), metric)
    assert set(found["Feature"]) == {"x1", "x2", "size"} and np.isfinite(found["Score"]).all()


@pytest.mark.parametrize("metric", ["Root Mean Squared Error", "Relative Absolute Error", "Relative Squared Error",
                                    "Coefficient of Determination"])
def test_every_regression_metric_runs(metric):
    frame = ml_frame(60).drop(columns=["cls"])
    model = ml_run(LINEAR, {})["Untrained model"].fit(Table(frame), "y")
    assert importance(model, Table(frame), metric).set_index("Feature")["Score"]["x1"] > 0


def test_a_metric_of_the_other_task_is_error_0013_at_design_and_run_time():
    frame = ml_frame(60).drop(columns=["cls"])
    model = ml_run(LINEAR, {})["Untrained model"].fit(Table(frame), "y")
    for call in (lambda: importance(model, Table(frame), "Accuracy"),
                 lambda: ml_configure(COMPONENT, {"Trained model": model.schema, "Test data": Table(frame).schema},
                                      **{METRIC: "Accuracy"})):
        with pytest.raises(ComponentError) as caught:
            call()
        assert caught.value.code == 13 and caught.value.parameter == METRIC


def test_test_data_without_the_label_is_error_0001():
    frame = ml_frame(60).drop(columns=["cls"])
    model = ml_run(LINEAR, {})["Untrained model"].fit(Table(frame), "y")
    with pytest.raises(ComponentError) as caught:
        importance(model, Table(pd.DataFrame(frame.drop(columns=["y"]))), "Mean Absolute Error")
    assert caught.value.code == 1
