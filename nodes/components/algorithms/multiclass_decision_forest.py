"""Multiclass Decision Forest: a multiclass classifier that votes over an ensemble of decision trees."""
from __future__ import annotations

from nodes.components.algorithms.decision_forest import IMPLEMENTATION, UNKNOWN, forest_params, maps_to
from nodes.components.algorithms.learners import learner_component
from nodes.tasks import Task

COMPONENT = learner_component(
    "multiclass_decision_forest", "Multiclass Decision Forest", Task.MULTICLASS,
    "A multiclass classifier that votes over an ensemble of decision trees.",
    forest_params(), IMPLEMENTATION, maps_to("RandomForestClassifier"), estimator="classifier", unknown=UNKNOWN,
)
