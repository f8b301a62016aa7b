"""Train Model: fit an untrained learner on a labelled data set."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker
from nodes.ports import DataFrame, Model, UntrainedModel

LEARNER = "Untrained model"
DATASET = "Dataset"
OUTPUT = "Trained model"
LABEL = "Label column"
EXPLANATIONS = "Model explanations"

COMPONENT = Component(
    id="train_model",
    name="Train Model",
    category="Model Training",
    description="Trains a classification or regression learner on a labelled data set.",
    inputs=(UntrainedModel(LEARNER), DataFrame(DATASET)),
    outputs=(Model(OUTPUT),),
    params=(ColumnPicker(LABEL, single=True, description="The column the model learns to predict."),
            Boolean(EXPLANATIONS, False, description="Compute feature-importance explanations.")),
    maps_to="the learner's scikit-learn estimator, fitted with estimator.fit(X, y) on the feature columns (categorical columns one-hot encoded inside the model)",
    **implemented_in("nodes.components.training._train_model"),
)
