"""Boosted Decision Tree Regression: a regression model that is an ensemble of boosted decision trees."""
from __future__ import annotations

from nodes.components.algorithms.boosted_decision_tree import IMPLEMENTATION, boosted_tree_params, maps_to
from nodes.components.algorithms.learners import learner_component
from nodes.tasks import Task

COMPONENT = learner_component(
    "boosted_decision_tree_regression", "Boosted Decision Tree Regression", Task.REGRESSION,
    "A regression model that is an ensemble of boosted decision trees.",
    boosted_tree_params(), IMPLEMENTATION, maps_to("HistGradientBoostingRegressor"), estimator="regressor",
)
