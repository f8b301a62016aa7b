"""The parameters Two-Class and Multiclass Logistic Regression (and Poisson Regression) share: an elastic-net
linear model fitted by L-BFGS, with tunable tolerance, L1 and L2 weights and memory size."""
from __future__ import annotations

from nodes.components.algorithms.learners import random_seed, unknown_levels
from nodes.params import Float, Int, Param, TrainerMode

TOLERANCE = "Optimization tolerance"
L1_WEIGHT = "L1 regularization weight"
L2_WEIGHT = "L2 regularization weight"
MEMORY = "Memory size for L-BFGS"


def lbfgs_params() -> tuple[Param, ...]:
    return (
        TrainerMode(),
        Float(TOLERANCE, 1e-7, min=1e-300, sweep="0.00001; 0.00000001",
              description="Training stops when the improvement falls below this value (> 0)."),
        Float(L1_WEIGHT, 1.0, min=0, sweep="0.0; 0.01; 0.1; 1.0"),
        Float(L2_WEIGHT, 1.0, min=0, sweep="0.01; 0.1; 1.0"),
        Int(MEMORY, 20, min=1, sweep="5; 20; 50"),
        random_seed(),
        unknown_levels(),
    )


MAPS_TO = ("sklearn.linear_model.LogisticRegression: C = 1/(L1 + L2), l1_ratio = L1/(L1 + L2), solver saga when "
           "L1 > 0 else lbfgs, Optimization tolerance -> tol, Random number seed -> random_state, max_iter 1000; "
           "numeric features standardised; Memory size for L-BFGS is not exposed by scikit-learn (no effect).")
