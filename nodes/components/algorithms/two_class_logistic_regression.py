"""Two-Class Logistic Regression: an elastic-net logistic regression with tunable tolerance and weights."""
from __future__ import annotations

from nodes.component import Component
from nodes.components.algorithms.learners import OUTPUT, random_seed
from nodes.lazy import implemented_in
from nodes.params import Boolean, Float, Int, TrainerMode
from nodes.ports import UntrainedModel

NAME = "Two-Class Logistic Regression"
TOLERANCE = "Optimization tolerance"
L1_WEIGHT = "L1 regularization weight"
L2_WEIGHT = "L2 regularization weight"
MEMORY = "Memory size for L-BFGS"
UNKNOWN_LEVELS = "Allow unknown categorical levels"

COMPONENT = Component(
    id="two_class_logistic_regression",
    name=NAME,
    category="Machine Learning Algorithms",
    subcategory="Classification",
    description="A logistic regression model that predicts one of two classes.",
    outputs=(UntrainedModel(OUTPUT),),
    params=(
        TrainerMode(),
        Float(TOLERANCE, 1e-7, min=1e-300, sweep="0.00001; 0.00000001",
              description="Training stops when the improvement falls below this value (> 0)."),
        Float(L1_WEIGHT, 1.0, min=0, sweep="0.0; 0.01; 0.1; 1.0"),
        Float(L2_WEIGHT, 1.0, min=0, sweep="0.01; 0.1; 1.0"),
        Int(MEMORY, 20, min=1, sweep="5; 20; 50"),
        random_seed(),
        Boolean(UNKNOWN_LEVELS, True),
    ),
    **implemented_in("nodes.components.algorithms._two_class_logistic_regression"),
)
