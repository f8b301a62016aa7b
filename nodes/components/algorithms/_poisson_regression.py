"""Poisson Regression on scikit-learn's `PoissonRegressor` (a log-link generalised linear model fitted by L-BFGS).

L2 regularization weight is `alpha` and Optimization tolerance `tol`. scikit-learn's Poisson model has no L1
penalty and does not expose the L-BFGS memory size, so those two parameters are checked and have no effect. The
learner's feature preparation standardises numeric features so L-BFGS converges; the label must be non-negative
(scikit-learn refuses negative counts, error 1000).
"""
from __future__ import annotations

from sklearn.linear_model import PoissonRegressor

from nodes.components.algorithms.logistic_regression import L2_WEIGHT, TOLERANCE
from nodes.params import Params
from nodes.preparation import GAUSSIAN

MAX_ITER = 1000


def estimator(params: Params) -> PoissonRegressor:
    return PoissonRegressor(alpha=params[L2_WEIGHT], tol=params[TOLERANCE], solver="lbfgs", max_iter=MAX_ITER)


def scaler(params: Params) -> str:
    return GAUSSIAN
