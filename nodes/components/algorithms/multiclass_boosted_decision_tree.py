"""Multiclass Boosted Decision Tree: a multiclass classifier that is an ensemble of boosted decision trees."""
from __future__ import annotations

from nodes.components.algorithms.boosted_decision_tree import IMPLEMENTATION, boosted_tree_params, maps_to
from nodes.components.algorithms.learners import learner_component
from nodes.tasks import Task

COMPONENT = learner_component(
    "multiclass_boosted_decision_tree", "Multiclass Boosted Decision Tree", Task.MULTICLASS,
    "A multiclass classifier that is an ensemble of boosted decision trees.",
    boosted_tree_params(), IMPLEMENTATION, maps_to("HistGradientBoostingClassifier"), estimator="classifier",
)
