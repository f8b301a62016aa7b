"""What flows along model and transformation ports: a trained model, which scores itself (`TrainedModel.score`).

Their design-time schemas and the score columns live in nodes.model_schemas, free of data libraries, and are
re-exported here (pickled schemas name nodes.models); the untrained `Learner` that fits a model lives in
`nodes.learner`, which imports scikit-learn.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from nodes import errors
from nodes.conversion import conform
from nodes.model_schemas import ASSIGNMENTS, DISTANCE, LABELS, PROBABILITIES, THRESHOLD, ModelSchema, quantile_column
from nodes.model_schemas import QUANTILE as QUANTILE
from nodes.model_schemas import TransformSchema as TransformSchema
from nodes.model_schemas import score_columns as score_columns
from nodes.schema import Column, ColumnType, TableSchema
from nodes.table import Table
from nodes.tasks import LearnerSchema as LearnerSchema
from nodes.tasks import Task


@dataclass(frozen=True)
class ClusterLabels:
    """A clustering model's label per cluster (K-Means' Assign label mode): `fill` puts it where a row's label is
    missing, otherwise it replaces every row's label."""

    labels: tuple
    fill: bool

    def apply(self, label: pd.Series, assignments: pd.Series) -> pd.Series:
        clustered = pd.Series(np.asarray(self.labels, dtype=object)[assignments.to_numpy()], index=label.index)
        return (label.where(label.notna(), clustered) if self.fill else clustered).astype(label.dtype)


@dataclass
class TrainedModel:
    """A fitted model: the learner's name and task, its label, features and classes, and the fitted pipeline
    (feature preparation and estimator) that `score` predicts with.

    `classes` are the class labels of a classifier, [0, 1] (normal, anomaly) for anomaly detection, the cluster
    numbers of a clustering model and the quantiles of a quantile regression. A clustering or anomaly detection
    model's `label` is the table's label column it was trained beside ("" if none): never a feature, but a
    clustering model's `cluster_labels` may fill or overwrite it.
    """

    name: str
    task: Task
    label: str
    features: list[Column]
    pipeline: Any
    classes: list[Any] = field(default_factory=list)
    label_type: ColumnType | None = None
    cluster_labels: ClusterLabels | None = None

    @property
    def schema(self) -> ModelSchema:
        known = None if self.task.classification else tuple(self.classes)  # as configure knows them
        return ModelSchema(self.name, self.task, self.label, TableSchema(tuple(self.features)), self.label_type, known)

    def score_schema(self) -> TableSchema:
        return self.schema.score_schema(self.classes)

    def score(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The score columns for the rows of `frame` (same index); errors 0001, 0017, and 1000 from the library."""
        self.schema.check_features(Table(frame).schema)
        if frame.empty:  # scikit-learn refuses zero rows: none in, none out, with the columns a scored row has
            return pd.DataFrame({c.name: conform(pd.Series([], dtype=object), c) for c in self.score_schema().columns},
                                index=frame.index)
        x = frame[[c.name for c in self.features]]
        try:
            return pd.DataFrame(self._predict(x), index=frame.index)
        except ValueError as error:
            raise errors.library_exception(error) from error

    def _predict(self, x: pd.DataFrame) -> dict[str, np.ndarray]:
        if self.task is Task.REGRESSION:
            return {LABELS: self.pipeline.predict(x).astype(float)}
        if self.task is Task.QUANTILE_REGRESSION:
            quantiles = self.pipeline.predict(x)
            return {quantile_column(q): quantiles[:, i] for i, q in enumerate(self.classes)}
        if self.task is Task.CLUSTERING:
            distances = self.pipeline.transform(x)
            return {ASSIGNMENTS: self.pipeline.predict(x).astype("int64"),
                    **{f"{DISTANCE}{c}": distances[:, i] for i, c in enumerate(self.classes)}}
        probabilities = self.pipeline.predict_proba(x)
        classes = np.asarray(self.classes)
        if self.task in (Task.BINARY, Task.ANOMALY_DETECTION):
            positive = probabilities[:, 1]
            return {LABELS: classes[(positive >= THRESHOLD).astype(int)], PROBABILITIES: positive}
        per_class = {f"{PROBABILITIES}_{c}": probabilities[:, i] for i, c in enumerate(self.classes)}
        return {**per_class, LABELS: classes[probabilities.argmax(axis=1)]}


class Transformation(Protocol):
    """A fitted, reusable data transform (Clean Missing Data, Normalize Data, ...)."""

    schema: TransformSchema

    def apply(self, table: Table) -> Table: ...
