"""Two-Class Logistic Regression on scikit-learn.

The designer minimises `sum of log-losses + L1·|w|₁ + L2/2·|w|²`; dividing by `L1 + L2` gives scikit-learn's
`C·sum of log-losses + l1_ratio·|w|₁ + (1 - l1_ratio)/2·|w|²`, so `C = 1/(L1 + L2)` and
`l1_ratio = L1/(L1 + L2)` (`C = inf`, no penalty, when both are 0). An L1 part needs the `saga` solver, otherwise
`lbfgs` is used. Optimization tolerance is `tol`; scikit-learn does not expose the L-BFGS memory size, so that
parameter is checked but has no effect. The learner's feature preparation standardises numeric features so saga
converges, and the iterations are capped at `MAX_ITER`.
"""
from __future__ import annotations

import math

from sklearn.linear_model import LogisticRegression

from nodes.components.algorithms.learners import OUTPUT, SEED
from nodes.components.algorithms.two_class_logistic_regression import (
    L1_WEIGHT,
    L2_WEIGHT,
    NAME,
    TOLERANCE,
    UNKNOWN_LEVELS,
)
from nodes.context import DesignContext, RunContext
from nodes.learner import Learner
from nodes.models import LearnerSchema, Task
from nodes.params import Params

MAX_ITER = 1000


def estimator(params: Params) -> LogisticRegression:
    """The unfitted scikit-learn classifier with the designer's regularisation."""
    l1, l2 = params[L1_WEIGHT], params[L2_WEIGHT]
    total = l1 + l2
    return LogisticRegression(C=1 / total if total else math.inf, l1_ratio=l1 / total if total else 0.0,
                              solver="saga" if l1 > 0 else "lbfgs", tol=params[TOLERANCE], max_iter=MAX_ITER,
                              random_state=params[SEED])


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: LearnerSchema(NAME, Task.BINARY)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: Learner(NAME, Task.BINARY, estimator, params, scale_numeric=True,
                            allow_unknown_levels=params[UNKNOWN_LEVELS])}
