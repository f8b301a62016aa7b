"""One-vs-All Multiclass: one two-class model per class, each telling its class from all the others."""
from __future__ import annotations

from nodes.components.algorithms.one_versus import wrapper_component

COMPONENT = wrapper_component(
    "one_vs_all_multiclass", "One-vs-All Multiclass", "one_vs_rest",
    "A multiclass classifier made of one copy of a two-class learner per class (that class against the rest).",
    "sklearn.multiclass.OneVsRestClassifier(the connected learner's estimator): probabilities are each class's "
    "two-class probability, normalised to sum to 1; the connected learner's parameter ranges stay tunable.",
)
