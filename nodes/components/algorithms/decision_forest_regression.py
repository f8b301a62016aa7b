"""Decision Forest Regression: a regression model that averages an ensemble of decision trees."""
from __future__ import annotations

from nodes.components.algorithms.decision_forest import IMPLEMENTATION, UNKNOWN, forest_params, maps_to
from nodes.components.algorithms.learners import learner_component
from nodes.tasks import Task

COMPONENT = learner_component(
    "decision_forest_regression", "Decision Forest Regression", Task.REGRESSION,
    "A regression model that averages an ensemble of decision trees.",
    forest_params(), IMPLEMENTATION, maps_to("RandomForestRegressor"), estimator="regressor", unknown=UNKNOWN,
)
