"""Score Model: append a trained model's score columns (reference §0.5) to a data set."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean
from nodes.ports import DataFrame, Model

MODEL = "Trained model"
DATASET = "Dataset"
OUTPUT = "Scored dataset"
APPEND = "Append score columns to output"

COMPONENT = Component(
    id="score_model",
    name="Score Model",
    category="Model Scoring & Evaluation",
    row_wise=True,
    description="Predicts with a trained classification or regression model.",
    inputs=(Model(MODEL), DataFrame(DATASET)),
    outputs=(DataFrame(OUTPUT),),
    params=(Boolean(APPEND, True, description="Keep the input columns; when off, return only the score columns."),),
    maps_to="the trained model's estimator.predict and predict_proba, appended as Scored Labels / Scored Probabilities columns",
    **implemented_in("nodes.components.scoring._score_model",
                     run_module="nodes.components.scoring._score_model_run"),
)
