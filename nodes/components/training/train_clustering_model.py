"""Train Clustering Model: fit a clustering learner on chosen columns and assign the training rows to clusters."""
from __future__ import annotations

from nodes.component import Component
from nodes.components.scoring.assign_data_to_clusters import append_param
from nodes.lazy import implemented_in
from nodes.params import ColumnPicker
from nodes.ports import DataFrame, Model, UntrainedModel

LEARNER = "Untrained model"
DATASET = "Dataset"
MODEL = "Trained model"
RESULTS = "Results dataset"
COLUMNS = "Column set"

COMPONENT = Component(
    id="train_clustering_model",
    name="Train Clustering Model",
    category="Model Training",
    description="Trains a clustering learner (K-Means) on the chosen columns and assigns each row to a cluster.",
    inputs=(UntrainedModel(LEARNER), DataFrame(DATASET)),
    outputs=(Model(MODEL), DataFrame(RESULTS)),
    params=(ColumnPicker(COLUMNS, description="The columns to cluster on (a label column is never one of them)."),
            append_param()),
    maps_to="the learner's estimator (KMeans) fitted on the chosen columns; Results: KMeans.predict and "
            "KMeans.transform of the training rows",
    **implemented_in("nodes.components.training._train_clustering_model",
                     run_module="nodes.components.training._train_clustering_model_run"),
)
