"""Assign Data to Clusters, run: the clustering model scores the rows (`cluster_results`, shared with Train
Clustering Model)."""
from __future__ import annotations

import pandas as pd

from nodes.components.scoring._assign_data_to_clusters import check_clustering
from nodes.components.scoring.assign_data_to_clusters import APPEND, DATASET, MODEL, OUTPUT
from nodes.context import RunContext
from nodes.model_schemas import ASSIGNMENTS
from nodes.models import TrainedModel
from nodes.params import Params
from nodes.table import Role, Table


def cluster_results(table: Table, model: TrainedModel, append: bool) -> Table:
    """The score columns of every row of `table`, after its columns when `append`; the label column filled or
    overwritten from the clusters when the model says so (K-Means' Assign label mode)."""
    scores = model.score(table.frame)
    roles = dict.fromkeys(scores.columns, Role.SCORE)
    if not append:
        return Table(scores, roles)
    frame = table.frame
    if model.cluster_labels is not None and model.label in frame.columns:
        frame = frame.assign(**{model.label: model.cluster_labels.apply(frame[model.label], scores[ASSIGNMENTS])})
    frame = pd.concat([frame.drop(columns=scores.columns, errors="ignore"), scores], axis=1)
    return table.with_frame(frame).with_roles(**roles)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    model: TrainedModel = inputs[MODEL]
    check_clustering(model.schema, MODEL)
    ctx.progress(0.1, "Assigning")
    return {OUTPUT: cluster_results(inputs[DATASET], model, params[APPEND])}
