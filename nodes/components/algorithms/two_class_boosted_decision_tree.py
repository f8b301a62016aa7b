"""Two-Class Boosted Decision Tree: a two-class classifier that is an ensemble of boosted decision trees."""
from __future__ import annotations

from nodes.components.algorithms.boosted_decision_tree import IMPLEMENTATION, boosted_tree_params, maps_to
from nodes.components.algorithms.learners import learner_component
from nodes.tasks import Task

COMPONENT = learner_component(
    "two_class_boosted_decision_tree", "Two-Class Boosted Decision Tree", Task.BINARY,
    "A two-class classifier that is an ensemble of boosted decision trees.",
    boosted_tree_params(), IMPLEMENTATION, maps_to("HistGradientBoostingClassifier"), estimator="classifier",
)
