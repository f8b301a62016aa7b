"""Two-Class and Multiclass Logistic Regression on scikit-learn.

The designer minimises `sum of log-losses + L1·|w|₁ + L2/2·|w|²`; dividing by `L1 + L2` gives scikit-learn's
`C·sum of log-losses + l1_ratio·|w|₁ + (1 - l1_ratio)/2·|w|²`, so `C = 1/(L1 + L2)` and
`l1_ratio = L1/(L1 + L2)` (`C = inf`, no penalty, when both are 0). An L1 part needs the `saga` solver, otherwise
`lbfgs` is used; with more than two classes the loss is multinomial. Optimization tolerance is `tol`;
scikit-learn does not expose the L-BFGS memory size, so that parameter is checked but has no effect. The
learner's feature preparation standardises numeric features so saga converges, and the iterations are capped at
`MAX_ITER`.
"""
from __future__ import annotations

import math

from sklearn.linear_model import LogisticRegression

from nodes.components.algorithms.learners import SEED
from nodes.components.algorithms.logistic_regression import L1_WEIGHT, L2_WEIGHT, TOLERANCE
from nodes.params import Params
from nodes.preparation import GAUSSIAN

MAX_ITER = 1000


def estimator(params: Params) -> LogisticRegression:
    """The unfitted scikit-learn classifier with the designer's regularisation."""
    l1, l2 = params[L1_WEIGHT], params[L2_WEIGHT]
    total = l1 + l2
    return LogisticRegression(C=1 / total if total else math.inf, l1_ratio=l1 / total if total else 0.0,
                              solver="saga" if l1 > 0 else "lbfgs", tol=params[TOLERANCE], max_iter=MAX_ITER,
                              random_state=params[SEED])


def scaler(params: Params) -> str:
    return GAUSSIAN
