"""Neural Network Regression: a regression model that is a fully-connected neural network."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component
from nodes.components.algorithms.neural_network import IMPLEMENTATION, maps_to, network_params
from nodes.tasks import Task

COMPONENT = learner_component(
    "neural_network_regression", "Neural Network Regression", Task.REGRESSION,
    "A regression model that is a fully-connected neural network.",
    network_params(), IMPLEMENTATION, maps_to("MLPRegressor"), estimator="regressor",
)
