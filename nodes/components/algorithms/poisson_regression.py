"""Poisson Regression: a log-linear model of non-negative counts, with tunable tolerance and weights."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component
from nodes.components.algorithms.logistic_regression import lbfgs_params
from nodes.tasks import Task

COMPONENT = learner_component(
    "poisson_regression", "Poisson Regression", Task.REGRESSION,
    "A regression model of counts (a non-negative label) whose logarithm is linear in the features.",
    lbfgs_params(), "nodes.components.algorithms._poisson_regression",
    'sklearn.linear_model.PoissonRegressor(solver="lbfgs", max_iter=1000): L2 regularization weight -> alpha, '
    "Optimization tolerance -> tol; numeric features standardised; L1 regularization weight and Memory size for "
    "L-BFGS have no counterpart (no effect); the seed is not needed (the fit is deterministic).",
)
