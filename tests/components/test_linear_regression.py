import io

import joblib
import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LinearRegression, Ridge, SGDRegressor
from sklearn.preprocessing import StandardScaler

from nodes.components.algorithms.linear_regression import COMPONENT
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.models import LearnerSchema, Task
from nodes.table import Table
from tests.components.ml_data import ml_configure, ml_frame, ml_manual_features, ml_params, ml_run

OGD = {"Solution method": "Online Gradient Descent"}


def learner(**values):
    return ml_run(COMPONENT, {}, **values)["Untrained model"]


def test_defaults_are_ridge_with_the_azure_l2_weight():
    model = learner()
    assert model.task is Task.REGRESSION and model.name == "Linear Regression"
    assert isinstance(model.estimator, Ridge)
    assert model.estimator.alpha == 0.001 and model.estimator.fit_intercept
    assert model.scaler is None
    joblib.dump(model, io.BytesIO())


def test_configure_gives_a_learner_schema():
    assert ml_configure(COMPONENT, {})["Untrained model"] == LearnerSchema("Linear Regression", Task.REGRESSION)


def test_zero_l2_weight_is_plain_least_squares():
    model = learner(**{"L2 regularization weight": 0, "Include intercept term": False})
    assert model.estimator.alpha == 0 and not model.estimator.fit_intercept
    rng = np.random.default_rng(4)
    x = rng.normal(size=(50, 3))
    y = x @ [1.0, -2.0, 0.5] + rng.normal(size=50)
    expected = LinearRegression(fit_intercept=False).fit(x, y).predict(x)
    np.testing.assert_allclose(clone(model.estimator).fit(x, y).predict(x), expected, rtol=1e-9)


def test_online_gradient_descent_maps_to_sgd():
    model = learner(**OGD, **{"Decrease learning rate as iterations progress": False, "Random number seed": 7})
    sgd = model.estimator
    assert isinstance(sgd, SGDRegressor)
    assert (sgd.eta0, sgd.max_iter, sgd.alpha, sgd.learning_rate, sgd.average, sgd.random_state) == (
        0.1, 10, 0.001, "constant", True, 7)
    assert model.scaler == "Gaussian"


def test_ols_parameters_are_hidden_under_gradient_descent_and_ranges_under_single_mode():
    params = ml_params(COMPONENT, **OGD)
    assert params["L2 regularization weight"] is None and params["Include intercept term"] is None
    assert params["Range for learning rate"] is None and params["Learning rate"] == 0.1
    assert ml_params(COMPONENT)["Learning rate"] is None


def test_parameter_range_mode_uses_the_first_value_of_each_range():
    sgd = learner(**OGD, **{"Create trainer mode": "ParameterRange", "Range for learning rate": "0.2; 0.4",
                            "Range for number of epochs": "5; 50"}).estimator
    assert (sgd.eta0, sgd.max_iter, sgd.alpha, sgd.learning_rate) == (0.2, 5, 0.001, "invscaling")


def test_negative_weight_is_refused():
    _, problems = COMPONENT.resolve_params({"L2 regularization weight": -1})
    assert [p.code for p in problems] == [5]


def test_trained_ols_predicts_as_ridge_on_one_hot_features():
    frame = ml_frame().drop(columns=["cls"])
    model = ml_run(TRAIN, {"Untrained model": learner(), "Dataset": Table(frame)},
                   **{"Label column": "y"})["Trained model"]
    x, _ = ml_manual_features(frame, frame)
    expected = Ridge(alpha=0.001).fit(x, frame["y"]).predict(x)
    np.testing.assert_allclose(model.pipeline.predict(frame.drop(columns=["y"])), expected, rtol=1e-9, atol=1e-9)


def test_trained_gradient_descent_matches_sgd_on_standardised_numbers():
    frame = ml_frame().drop(columns=["cls"])
    model = ml_run(TRAIN, {"Untrained model": learner(**OGD, **{"Random number seed": 3}), "Dataset": Table(frame)},
                   **{"Label column": "y"})["Trained model"]
    x, _ = ml_manual_features(frame, frame)
    x[:, :2] = StandardScaler().fit_transform(x[:, :2])
    sgd = SGDRegressor(eta0=0.1, max_iter=10, tol=None, alpha=0.001, average=True, random_state=3)
    expected = sgd.fit(x, frame["y"]).predict(x)
    np.testing.assert_allclose(model.pipeline.predict(frame.drop(columns=["y"])), expected, rtol=1e-9)


def test_the_learner_carries_its_grid_and_builds_any_point_of_it():
    model = learner(**OGD, **{"Create trainer mode": "ParameterRange", "Range for number of epochs": "5; 50"})
    assert model.grid == {"Learning rate": [0.025, 0.05, 0.1, 0.2], "Number of epochs": [5, 50],
                          "L2 regularization term weight": [0.001, 0.01, 0.1]}
    point = model.at({"Learning rate": 0.2, "Number of epochs": 50, "L2 regularization term weight": 0.1})
    assert (point.estimator.eta0, point.estimator.max_iter, point.estimator.alpha) == (0.2, 50, 0.1)
    assert point.scaler == "Gaussian" and model.estimator.max_iter == 5
    copy = joblib.load(dump(model))
    assert copy.grid == model.grid and copy.at({"Number of epochs": 50}).estimator.max_iter == 50


def test_least_squares_has_nothing_to_sweep():
    assert learner().grid == {}


def dump(value) -> io.BytesIO:
    buffer = io.BytesIO()
    joblib.dump(value, buffer)
    buffer.seek(0)
    return buffer
