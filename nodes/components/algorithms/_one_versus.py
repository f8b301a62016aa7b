"""One-vs-All and One-vs-One Multiclass on scikit-learn's `OneVsRestClassifier` and `OneVsOneClassifier`.

The wrapped learner keeps its parameters, grid and feature preparation; only its estimator is put inside the
multiclass strategy, so Tune Model Hyperparameters still sweeps the two-class learner's ranges. One-vs-One has no
probabilities in scikit-learn: `VotingOneVsOne.predict_proba` is the softmax of its decision function (the vote
counts plus a confidence below 1/3 that breaks ties), whose largest value is the predicted class.
"""
from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np
from scipy.special import softmax
from sklearn.multiclass import OneVsOneClassifier, OneVsRestClassifier

from nodes.learner import Build, Learner
from nodes.params import Params
from nodes.tasks import Task


class VotingOneVsOne(OneVsOneClassifier):
    """`OneVsOneClassifier` with probabilities: the softmax of its decision function."""

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        decision = self.decision_function(x)
        if decision.ndim == 1:  # two classes: the second class's score, positive when it wins
            decision = np.column_stack([-decision, decision])
        return softmax(decision, axis=1)


STRATEGIES = {"one_vs_rest": OneVsRestClassifier, "one_vs_one": VotingOneVsOne}


def multiclass(strategy: str, build: Build, params: Params) -> OneVsRestClassifier | OneVsOneClassifier:
    return STRATEGIES[strategy](build(params))


def wrap(learner: Learner, name: str, strategy: str) -> Learner:
    """The two-class `learner` as a multiclass learner named `name`."""
    return replace(learner, name=name, task=Task.MULTICLASS, build=partial(multiclass, strategy, learner.build))
