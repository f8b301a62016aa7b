"""Permutation Feature Importance: how much a trained model's metric worsens when one feature's values are shuffled."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Int, Mode
from nodes.ports import DataFrame, Model

MODEL = "Trained model"
DATASET = "Test data"
OUTPUT = "Feature importance"
SEED = "Random seed"
METRIC = "Metric for measuring performance"
CLASSIFICATION_METRICS = ("Accuracy", "Precision", "Recall", "Average Log Loss")
REGRESSION_METRICS = ("Mean Absolute Error", "Root Mean Squared Error", "Relative Absolute Error",
                      "Relative Squared Error", "Coefficient of Determination")

COMPONENT = Component(
    id="permutation_feature_importance",
    name="Permutation Feature Importance",
    category="Feature Selection",
    description="Scores each feature of a trained model by how much shuffling its values on the test data worsens "
                "the chosen metric.",
    inputs=(Model(MODEL), DataFrame(DATASET)),
    outputs=(DataFrame(OUTPUT),),
    params=(Int(SEED, 0, min=0, max=2**32 - 1, description="Seeds the shuffles."),
            Mode(METRIC, [*CLASSIFICATION_METRICS, *REGRESSION_METRICS], "Accuracy",
                 description="A classification metric for a classifier, a regression metric for a regressor.")),
    maps_to="sklearn.inspection.permutation_importance(n_repeats=1, random_state=Random seed, n_jobs=-1, on threads unless a joblib backend is configured) with "
            "the chosen sklearn.metrics metric (errors negated, so a positive score always means the feature "
            "matters); precision and recall of the positive class, macro-averaged for multiclass.",
    **implemented_in("nodes.components.scoring._permutation_feature_importance",
                     run_module="nodes.components.scoring._permutation_feature_importance_run"),
)
