"""The parameters the three Decision Forest learners share (regression, two-class, multiclass)."""
from __future__ import annotations

from nodes.components.algorithms.learners import random_seed, unknown_levels
from nodes.params import Int, Mode, Param, TrainerMode

RESAMPLING = "Resampling method"
BAGGING = "Bagging Resampling"
REPLICATE = "Replicate Resampling"
TREES = "Number of decision trees"
DEPTH = "Maximum depth of the decision trees"
SPLITS = "Number of random splits per node"
MIN_LEAF = "Minimum number of samples per leaf node"
UNKNOWN = "Allow unknown values for categorical features"
IMPLEMENTATION = "nodes.components.algorithms._decision_forest"


def forest_params() -> tuple[Param, ...]:
    return (
        TrainerMode(),
        Mode(RESAMPLING, [BAGGING, REPLICATE], BAGGING,
             description="Bagging trains each tree on a bootstrap sample; Replicate trains each on every row."),
        Int(TREES, 8, min=1, sweep="1; 8; 32"),
        Int(DEPTH, 32, min=1, sweep="1; 16; 64", range_name="Range for the maximum depth of the decision trees"),
        Int(SPLITS, 128, min=1, sweep="1; 128; 1024", range_name="Range for the number of random splits per node",
            description="Checked; scikit-learn's forests search every threshold of the features they draw."),
        Int(MIN_LEAF, 1, min=1, sweep="1; 4; 16", range_name="Range for the minimum number of samples per leaf node"),
        random_seed(),
        unknown_levels(UNKNOWN),
    )


def maps_to(estimator: str) -> str:
    return (f"sklearn.ensemble.{estimator}: Number of decision trees -> n_estimators, Maximum depth -> max_depth, "
            "Minimum number of samples per leaf node -> min_samples_leaf, Resampling method -> bootstrap (Bagging "
            "True, Replicate False), Random number seed -> random_state; Number of random splits per node has no "
            "scikit-learn counterpart (no effect).")
