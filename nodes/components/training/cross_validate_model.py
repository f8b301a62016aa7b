"""Cross Validate Model: train and score a learner once per fold, and evaluate each fold."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import ColumnPicker, Int
from nodes.ports import DataFrame, UntrainedModel

LEARNER = "Untrained model"
DATASET = "Dataset"
SCORED = "Scored results"
BY_FOLD = "Evaluation results by fold"
LABEL = "Label column"
SEED = "Random seed"
FOLD_NUMBER = "Fold Number"
EXAMPLES = "Number of examples in fold"
MEAN, STD = "Mean", "Standard Deviation"

COMPONENT = Component(
    id="cross_validate_model",
    name="Cross Validate Model",
    category="Model Training",
    description="Estimates how well a learner generalises: trains it on all folds but one and scores the one left "
                "out, for each fold.",
    inputs=(UntrainedModel(LEARNER), DataFrame(DATASET)),
    outputs=(DataFrame(SCORED), DataFrame(BY_FOLD)),
    params=(ColumnPicker(LABEL, single=True, description="The column the model learns to predict."),
            Int(SEED, 0, min=0, max=2**32 - 1,
                description="Seeds the folds (when the data set has none) and learners whose seed is blank.")),
    maps_to="The folds of Partition and Sample (column Fold), else sklearn.model_selection.StratifiedKFold "
            "(classification) or KFold (n_splits=10, shuffle=True, random_state=Random seed); one fit per fold "
            "spread with joblib.Parallel(n_jobs=-1), on threads unless a joblib backend is configured; per-fold "
            "metrics from sklearn.metrics, then their mean and sample standard deviation.",
    **implemented_in("nodes.components.training._cross_validate_model",
                     run_module="nodes.components.training._cross_validate_model_run"),
)
