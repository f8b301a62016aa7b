"""The parameters the three Boosted Decision Tree learners share (regression, two-class, multiclass)."""
from __future__ import annotations

from nodes.components.algorithms.learners import random_seed, unknown_levels
from nodes.params import Float, Int, Param, TrainerMode

LEAVES = "Maximum number of leaves per tree"
MIN_LEAF = "Minimum number of samples per leaf node"
LEARNING_RATE = "Learning rate"
TREES = "Total number of trees constructed"
IMPLEMENTATION = "nodes.components.algorithms._boosted_decision_tree"


def boosted_tree_params() -> tuple[Param, ...]:
    return (
        TrainerMode(),
        Int(LEAVES, 20, min=2, sweep="2; 8; 32; 128", description="The most terminal nodes any tree may have."),
        Int(MIN_LEAF, 10, min=1, sweep="1; 10; 50",
            range_name="Range for minimum number of training instances required to form a leaf",
            description="The fewest training rows a leaf may hold."),
        Float(LEARNING_RATE, 0.2, min=1e-300, max=1, sweep="0.025; 0.05; 0.1; 0.2; 0.4",
              description="The step size of each boosting iteration, in (0, 1]."),
        Int(TREES, 100, min=1, sweep="20; 100; 500", description="The number of boosting iterations."),
        random_seed(),
        unknown_levels(),
    )


def maps_to(estimator: str) -> str:
    return (f"sklearn.ensemble.{estimator}(early_stopping=False): Maximum number of leaves per tree -> max_leaf_nodes, "
            "Minimum number of samples per leaf node -> min_samples_leaf, Learning rate -> learning_rate, "
            "Total number of trees constructed -> max_iter, Random number seed -> random_state.")
