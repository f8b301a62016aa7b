"""Two-Class Logistic Regression: an elastic-net logistic regression with tunable tolerance and weights."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component
from nodes.components.algorithms.logistic_regression import MAPS_TO, lbfgs_params
from nodes.tasks import Task

COMPONENT = learner_component(
    "two_class_logistic_regression", "Two-Class Logistic Regression", Task.BINARY,
    "A logistic regression model that predicts one of two classes.",
    lbfgs_params(), "nodes.components.algorithms._logistic_regression", MAPS_TO,
)
