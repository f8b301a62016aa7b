"""Learners that also say how Train Model should encode their features."""
from __future__ import annotations

from dataclasses import dataclass

from nodes.models import Learner


@dataclass(frozen=True)
class TabularLearner(Learner):
    """A learner plus its feature-encoding wishes: standardised numeric features, unknown categorical levels."""

    scale_numeric: bool = False
    allow_unknown_levels: bool = True

    @classmethod
    def of(cls, learner: Learner) -> TabularLearner:
        """`learner` itself, or a plain learner with the default encoding."""
        if isinstance(learner, TabularLearner):
            return learner
        return cls(learner.name, learner.task, learner.estimator)
