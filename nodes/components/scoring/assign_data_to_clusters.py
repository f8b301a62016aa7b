"""Assign Data to Clusters: each row's nearest cluster of a trained clustering model, and its distances."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean
from nodes.ports import DataFrame, Model

MODEL = "Trained model"
DATASET = "Dataset"
OUTPUT = "Results dataset"
APPEND = "Check for append or uncheck for result only"


def append_param() -> Boolean:
    return Boolean(APPEND, True, description="Keep the input columns; when off, return only Assignments and the "
                                             "distances to each cluster center.")


COMPONENT = Component(
    id="assign_data_to_clusters",
    name="Assign Data to Clusters",
    category="Model Scoring & Evaluation",
    row_wise=True,
    description="Assigns each row to the nearest cluster of a trained clustering model (K-Means).",
    inputs=(Model(MODEL), DataFrame(DATASET)),
    outputs=(DataFrame(OUTPUT),),
    params=(append_param(),),
    maps_to="the trained model's KMeans.predict (Assignments) and KMeans.transform (DistancesToClusterCenter no.i)",
    **implemented_in("nodes.components.scoring._assign_data_to_clusters",
                     run_module="nodes.components.scoring._assign_data_to_clusters_run"),
)
