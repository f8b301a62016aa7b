"""Train Anomaly Detection Model: the detector fits every feature column; a label column, if marked, is kept aside
(never a feature) so that Score Model and Evaluate Model find it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from nodes import errors
from nodes.components.training._train_clustering_model import label_of
from nodes.components.training.train_anomaly_detection_model import DATASET, LEARNER, OUTPUT
from nodes.context import DesignContext, RunContext
from nodes.features import feature_columns
from nodes.model_schemas import ModelSchema
from nodes.params import Params
from nodes.schema import TableSchema
from nodes.tasks import LearnerSchema, Task

if TYPE_CHECKING:  # the learner's module loads scikit-learn, a table pandas; configure needs neither
    from nodes.learner import Learner
    from nodes.table import Table


def check_learner(learner: LearnerSchema) -> None:
    if learner.task is not Task.ANOMALY_DETECTION:
        raise errors.invalid_learner(LEARNER, f'"{learner.name}" is a {learner.task.value} learner; Train Anomaly '
                                              "Detection Model needs an anomaly detection learner such as PCA-Based "
                                              "Anomaly Detection.")


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    learner: LearnerSchema | None = inputs.get(LEARNER)
    schema: TableSchema | None = inputs.get(DATASET)
    if learner is not None:
        check_learner(learner)
    if schema is None:
        return {OUTPUT: None}
    label = label_of(schema)
    features = feature_columns(schema, label)
    if learner is None:
        return {OUTPUT: None}
    return {OUTPUT: ModelSchema(learner.name, Task.ANOMALY_DETECTION, label or "", TableSchema(tuple(features)),
                                schema[label].type if label else None)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    learner: Learner = inputs[LEARNER]
    table: Table = inputs[DATASET]
    check_learner(learner.schema)
    if table.frame.empty:
        raise errors.too_few_rows(DATASET, 0, 1)
    ctx.progress(0.1, "Fitting")
    model = learner.fit(table, label_of(table.schema))
    ctx.progress(1.0)
    return {OUTPUT: model}
