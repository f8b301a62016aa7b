"""Two-Class Logistic Regression.

The designer minimises `sum of log-losses + L1·|w|₁ + L2/2·|w|²`; dividing by `L1 + L2` gives scikit-learn's
`C·sum of log-losses + l1_ratio·|w|₁ + (1 - l1_ratio)/2·|w|²`, so `C = 1/(L1 + L2)` and
`l1_ratio = L1/(L1 + L2)` (`C = inf`, no penalty, when both are 0). An L1 part needs the `saga` solver, otherwise
`lbfgs` is used. Optimization tolerance is `tol`; scikit-learn does not expose the L-BFGS memory size, so that
parameter is checked but has no effect. Train Model standardises numeric features so saga converges, and the
iterations are capped at `MAX_ITER`.
"""
from __future__ import annotations

import math

from sklearn.linear_model import LogisticRegression

from nodes.component import Component
from nodes.components.algorithms.trainer_mode import OUTPUT, RANGE_ONLY, SINGLE_ONLY, chosen, random_seed, trainer_mode
from nodes.context import DesignContext, RunContext
from nodes.models import Learner, LearnerSchema, Task
from nodes.params import Boolean, Float, Int, ParameterRange, Params
from nodes.ports import UntrainedModel

NAME = "Two-Class Logistic Regression"
MAX_ITER = 1000


def estimator(params: Params) -> LogisticRegression:
    """The unfitted scikit-learn classifier with the designer's regularisation."""
    l1 = chosen(params, "L1 regularization weight", "Range for L1 regularization weight")
    l2 = chosen(params, "L2 regularization weight", "Range for L2 regularization weight")
    total = l1 + l2
    return LogisticRegression(
        C=1 / total if total else math.inf, l1_ratio=l1 / total if total else 0.0,
        solver="saga" if l1 > 0 else "lbfgs",
        tol=chosen(params, "Optimization tolerance", "Range for optimization tolerance"),
        max_iter=MAX_ITER, random_state=params["Random number seed"])


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: LearnerSchema(NAME, Task.BINARY)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: Learner(NAME, Task.BINARY, estimator(params), scale_numeric=True,
                                   allow_unknown_levels=params["Allow unknown categorical levels"])}


COMPONENT = Component(
    id="two_class_logistic_regression",
    name=NAME,
    category="Machine Learning Algorithms",
    subcategory="Classification",
    description="A logistic regression model that predicts one of two classes.",
    outputs=(UntrainedModel(OUTPUT),),
    params=(
        trainer_mode(),
        Float("Optimization tolerance", 1e-7, min=1e-300, parent=SINGLE_ONLY,
              description="Training stops when the improvement falls below this value (> 0)."),
        ParameterRange("Range for optimization tolerance", "0.00001; 0.00000001", min=1e-300, parent=RANGE_ONLY),
        Float("L1 regularization weight", 1.0, min=0, parent=SINGLE_ONLY),
        ParameterRange("Range for L1 regularization weight", "0.0; 0.01; 0.1; 1.0", min=0, parent=RANGE_ONLY),
        Float("L2 regularization weight", 1.0, min=0, parent=SINGLE_ONLY),
        ParameterRange("Range for L2 regularization weight", "0.01; 0.1; 1.0", min=0, parent=RANGE_ONLY),
        Int("Memory size for L-BFGS", 20, min=1, parent=SINGLE_ONLY),
        ParameterRange("Range for memory size for L-BFGS", "5; 20; 50", min=1, parent=RANGE_ONLY),
        random_seed(),
        Boolean("Allow unknown categorical levels", True),
    ),
    configure=configure,
    run=run,
)
