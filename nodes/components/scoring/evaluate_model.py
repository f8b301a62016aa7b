"""Evaluate Model: the designer's metrics for one or two scored data sets, the task read from their score columns."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import EVALUATION_VIEWER, DataFrame

SCORED = "Scored dataset"
COMPARE = "Scored dataset to compare"
OUTPUT = "Evaluation results"

COMPONENT = Component(
    id="evaluate_model",
    name="Evaluate Model",
    category="Model Scoring & Evaluation",
    description="Computes regression, classification, clustering or anomaly detection metrics of one scored data "
                "set, or compares two.",
    maps_to="sklearn.metrics: roc_auc_score, confusion_matrix (accuracy, precision, recall, F1 at threshold 0.5; "
            "multiclass micro and macro averages); regression errors relative to predicting the mean; clustering "
            "distances read from the DistancesToClusterCenter columns.",
    inputs=(DataFrame(SCORED), DataFrame(COMPARE, optional=True)),
    outputs=(DataFrame(OUTPUT, viewer=EVALUATION_VIEWER),),
    **implemented_in("nodes.components.scoring._evaluate_model",
                     run_module="nodes.components.scoring._evaluate_model_run"),
)
