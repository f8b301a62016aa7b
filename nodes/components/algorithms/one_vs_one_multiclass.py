"""One-vs-One Multiclass: one two-class model per pair of classes, which then vote."""
from __future__ import annotations

from nodes.components.algorithms.one_versus import wrapper_component

COMPONENT = wrapper_component(
    "one_vs_one_multiclass", "One-vs-One Multiclass", "one_vs_one",
    "A multiclass classifier made of one copy of a two-class learner per pair of classes, voting on the class.",
    "sklearn.multiclass.OneVsOneClassifier(the connected learner's estimator): Scored Labels is its vote; "
    "Scored Probabilities_<class> are the softmax of its decision function (votes plus a tie-breaking confidence); "
    "the connected learner's parameter ranges stay tunable.",
)
