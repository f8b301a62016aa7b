"""Train Anomaly Detection Model: fit an anomaly detection learner on a data set's features."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame, Model, UntrainedModel

LEARNER = "Untrained model"
DATASET = "Dataset"
OUTPUT = "Trained model"

COMPONENT = Component(
    id="train_anomaly_detection_model",
    name="Train Anomaly Detection Model",
    category="Model Training",
    description="Trains an anomaly detector (PCA-Based Anomaly Detection) on every feature column; score it with "
                "Score Model.",
    inputs=(UntrainedModel(LEARNER), DataFrame(DATASET)),
    outputs=(Model(OUTPUT),),
    maps_to="the learner's estimator fitted on the feature columns (every column but the label, score and weight "
            "ones); no label is used",
    **implemented_in("nodes.components.training._train_anomaly_detection_model"),
)
