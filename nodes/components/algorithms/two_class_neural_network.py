"""Two-Class Neural Network: a two-class classifier that is a fully-connected neural network."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component
from nodes.components.algorithms.neural_network import IMPLEMENTATION, maps_to, network_params
from nodes.tasks import Task

COMPONENT = learner_component(
    "two_class_neural_network", "Two-Class Neural Network", Task.BINARY,
    "A two-class classifier that is a fully-connected neural network.",
    network_params(), IMPLEMENTATION, maps_to("MLPClassifier"), estimator="classifier",
)
