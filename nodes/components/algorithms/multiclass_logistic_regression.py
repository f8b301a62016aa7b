"""Multiclass Logistic Regression: a multinomial elastic-net logistic regression with tunable tolerance and weights."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component
from nodes.components.algorithms.logistic_regression import MAPS_TO, lbfgs_params
from nodes.tasks import Task

COMPONENT = learner_component(
    "multiclass_logistic_regression", "Multiclass Logistic Regression", Task.MULTICLASS,
    "A multinomial logistic regression model that predicts one of several classes.",
    lbfgs_params(), "nodes.components.algorithms._logistic_regression", f"{MAPS_TO} Multinomial over the classes.",
)
