"""Train Clustering Model, run: the clustering learner fits the chosen columns; the training rows get their
clusters, and the clusters their labels in K-Means' Assign label mode."""
from __future__ import annotations

from typing import TYPE_CHECKING

from nodes import errors
from nodes.components.algorithms.k_means_clustering import FILL_MISSING, IGNORE_LABEL, LABEL_MODE
from nodes.components.scoring._assign_data_to_clusters_run import cluster_results
from nodes.components.scoring.assign_data_to_clusters import APPEND
from nodes.components.training._train_clustering_model import check_learner, clustered_columns, label_of
from nodes.components.training.train_clustering_model import DATASET, LEARNER, MODEL, RESULTS
from nodes.context import RunContext
from nodes.model_schemas import DISTANCE
from nodes.models import ClusterLabels, TrainedModel
from nodes.params import Params
from nodes.table import Table

if TYPE_CHECKING:  # the learner's module loads scikit-learn, which the learner passed in has loaded
    from nodes.learner import Learner


def nearest_labels(model: TrainedModel, table: Table) -> tuple:
    """Each cluster's label: that of the labelled training row nearest its center (error 0024 if none is)."""
    labelled = table.frame[table.frame[model.label].notna()]
    if labelled.empty:
        raise errors.not_labeled(DATASET)
    distances = model.score(labelled).filter(like=DISTANCE).to_numpy()
    return tuple(labelled[model.label].to_numpy(dtype=object)[distances.argmin(axis=0)])


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    learner: Learner = inputs[LEARNER]
    table: Table = inputs[DATASET]
    check_learner(learner.schema)
    features = clustered_columns(table.schema, params)
    if table.frame.empty:
        raise errors.too_few_rows(DATASET, 0, 1)
    ctx.progress(0.1, "Fitting")
    model = learner.fit(table, label_of(table.schema), features)
    mode = learner.params.get(LABEL_MODE, IGNORE_LABEL)
    if mode != IGNORE_LABEL and model.label:
        model.cluster_labels = ClusterLabels(nearest_labels(model, table), fill=mode == FILL_MISSING)
    ctx.progress(0.8, "Assigning")
    return {MODEL: model, RESULTS: cluster_results(table, model, params[APPEND])}
