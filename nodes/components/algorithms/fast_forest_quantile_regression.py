"""Fast Forest Quantile Regression: a random forest that predicts quantiles of the label, not only its mean."""
from __future__ import annotations

from nodes import errors
from nodes.components.algorithms.learners import learner_component, random_seed, unknown_levels
from nodes.params import Float, Int, Params, String, TrainerMode
from nodes.tasks import Task

TREES = "Number of Trees"
LEAVES = "Number of Leaves"
MIN_LEAF = "Minimum number of training instances required to form a leaf"
BAGGING = "Bagging fraction"
FEATURES = "Feature fraction"
SPLIT = "Split fraction"
SAMPLE_COUNT = "Quantile sample count"
QUANTILES = "Quantiles to be estimated"
IMPLEMENTATION = "nodes.components.algorithms._fast_forest_quantile_regression"


def quantiles(params: Params) -> tuple[float, ...]:
    """The quantiles to estimate, "0.25; 0.5; 0.75" as numbers in (0, 1); error 0002 otherwise."""
    text = params[QUANTILES]
    try:
        values = tuple(float(part) for part in text.replace(",", ";").split(";") if part.strip())
    except ValueError:
        values = ()
    if not values or not all(0 < q < 1 for q in values):
        raise errors.parameter_parsing(QUANTILES, text, "a list of numbers between 0 and 1")
    return values


COMPONENT = learner_component(
    "fast_forest_quantile_regression", "Fast Forest Quantile Regression", Task.QUANTILE_REGRESSION,
    "A regression forest that predicts the chosen quantiles of the label's distribution.",
    (
        TrainerMode(),
        Int(TREES, 100, min=1, sweep="16; 32; 64", range_name="Range for total number of trees constructed"),
        Int(LEAVES, 20, min=2, sweep="16; 32; 64", range_name="Range for maximum number of leaves per tree"),
        Int(MIN_LEAF, 10, min=1, sweep="1; 5; 10"),
        Float(BAGGING, 0.7, min=1e-300, max=1, sweep="0.25; 0.5; 0.75",
              description="The fraction of rows each tree is trained on."),
        Float(FEATURES, 0.7, min=1e-300, max=1, sweep="0.25; 0.5; 0.75",
              description="Checked; scikit-learn draws features per split only (no effect)."),
        Float(SPLIT, 0.7, min=1e-300, max=1, sweep="0.25; 0.5; 0.75",
              description="The fraction of features considered at each split."),
        Int(SAMPLE_COUNT, 100, min=1, description="Checked; every tree's prediction is used (no effect)."),
        String(QUANTILES, "0.25; 0.5; 0.75", description="Quantiles in (0, 1), separated by ;."),
        random_seed(),
        unknown_levels(),
    ),
    IMPLEMENTATION,
    "sklearn.ensemble.RandomForestRegressor (bootstrap=True): Number of Trees -> n_estimators, Number of Leaves -> "
    "max_leaf_nodes, Minimum number of training instances -> min_samples_leaf, Bagging fraction -> max_samples, "
    "Split fraction -> max_features, Random number seed -> random_state; each quantile is numpy.quantile over the "
    "trees' predictions; Feature fraction and Quantile sample count have no counterpart (no effect).",
    classes=quantiles,
)
