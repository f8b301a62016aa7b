"""Tune Model Hyperparameters: sweep a learner's parameter ranges and keep the best model."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import ColumnPicker, Int, Mode
from nodes.ports import DataFrame, Model, UntrainedModel

LEARNER = "Untrained model"
TRAINING = "Training dataset"
VALIDATION = "Optional validation dataset"
RESULTS = "Sweep results"
BEST = "Trained best model"
MODE = "Specify parameter sweeping mode"
ENTIRE_GRID, RANDOM_SWEEP, RANDOM_GRID = "Entire grid", "Random sweep", "Random grid"
RUNS = "Maximum number of runs on random sweep"
SEED = "Random seed"
LABEL = "Label column"
CLASSIFICATION_METRIC = "Metric for measuring performance for classification"
REGRESSION_METRIC = "Metric for measuring performance for regression"
CLASSIFICATION_METRICS = ("Accuracy", "Precision", "Recall", "F-score", "AUC", "Average Log Loss", "Train Log Loss")
REGRESSION_METRICS = ("Mean absolute error", "Root of mean squared error", "Relative absolute error",
                      "Relative squared error", "Coefficient of determination")
RANDOM = (MODE, (RANDOM_SWEEP, RANDOM_GRID))

COMPONENT = Component(
    id="tune_model_hyperparameters",
    name="Tune Model Hyperparameters",
    category="Model Training",
    description="Trains a learner at many points of its parameter ranges and returns the sweep results and the "
                "best model.",
    inputs=(UntrainedModel(LEARNER), DataFrame(TRAINING), DataFrame(VALIDATION, optional=True)),
    outputs=(DataFrame(RESULTS), Model(BEST)),
    params=(
        Mode(MODE, [ENTIRE_GRID, RANDOM_SWEEP, RANDOM_GRID], RANDOM_SWEEP,
             description="Every combination of the ranges, random values within them, or random grid points."),
        Int(RUNS, 5, min=1, max=10000, parent=RANDOM, description="How many parameter sets to try."),
        Int(SEED, 0, min=0, max=2**32 - 1, parent=RANDOM,
            description="Seeds the random choice of parameters, the folds, and learners whose seed is blank."),
        ColumnPicker(LABEL, single=True, port=TRAINING, description="The column the model learns to predict."),
        Mode(CLASSIFICATION_METRIC, list(CLASSIFICATION_METRICS), "Accuracy",
             description="How classification models are ranked."),
        Mode(REGRESSION_METRIC, list(REGRESSION_METRICS), "Mean absolute error",
             description="How regression models are ranked."),
    ),
    maps_to="sklearn.model_selection.ParameterGrid (Entire grid), ParameterSampler over the grid's lists "
            "(Random grid) or over uniform / log-uniform / integer distributions spanning each range (Random "
            "sweep); each point is scored on the validation set, or by cross-validation over the folds of "
            "Partition and Sample (else 3 random folds); fits spread with joblib.Parallel(n_jobs=-1), on threads unless "
            "a joblib backend is configured; metrics from sklearn.metrics (Train Log Loss: 1 - log loss / log loss "
            "of the class frequencies).",
    **implemented_in("nodes.components.training._tune_model_hyperparameters",
                     run_module="nodes.components.training._tune_model_hyperparameters_run"),
)
