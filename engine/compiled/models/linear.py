"""Linear and logistic models from their fitted coefficients: `X @ coef + intercept`, through the model's link."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.special import expit, softmax
from sklearn.linear_model import (
    ElasticNet,
    Lasso,
    LinearRegression,
    LogisticRegression,
    PoissonRegressor,
    Ridge,
    SGDRegressor,
)

Predict = Callable[[np.ndarray], np.ndarray]
LINEAR = (LinearRegression, Ridge, SGDRegressor, Lasso, ElasticNet)


def regression(model: Any) -> Predict:
    """Predictions of a linear regressor (identity link) or a Poisson regressor (log link)."""
    coef, intercept = np.ravel(model.coef_), np.ravel(model.intercept_)[0]
    if type(model) is PoissonRegressor:
        return lambda x: np.exp(x @ coef + intercept)
    return lambda x: x @ coef + intercept


def logistic(model: LogisticRegression) -> Predict:
    """Class probabilities of a logistic regression: the logistic function for two classes, softmax for more."""
    coef, intercept = model.coef_.T, model.intercept_
    if len(model.classes_) > 2:
        return lambda x: softmax(x @ coef + intercept, axis=1)

    def binary(x: np.ndarray) -> np.ndarray:
        positive = expit(x @ coef[:, 0] + intercept[0])
        return np.column_stack([1 - positive, positive])

    return binary


ESTIMATORS: dict[type, Callable[[Any], Predict]] = {
    **dict.fromkeys(LINEAR, regression), PoissonRegressor: regression, LogisticRegression: logistic,
}
