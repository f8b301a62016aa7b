"""What flows along model and transformation ports, their design-time schemas, and the score columns models append.

A trained model scores itself (`TrainedModel.score`); the untrained `Learner` that fits one lives in
`nodes.learner`, which imports scikit-learn.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from nodes import errors
from nodes.conversion import conform
from nodes.features import is_numeric
from nodes.table import Column, ColumnType, Role, Table, TableSchema
from nodes.tasks import LearnerSchema as LearnerSchema  # re-exported: the light definitions live in nodes.tasks
from nodes.tasks import Task

LABELS = "Scored Labels"
PROBABILITIES = "Scored Probabilities"
ASSIGNMENTS = "Assignments"
DISTANCE = "DistancesToClusterCenter no."
QUANTILE = "Scores for quantile:"
THRESHOLD = 0.5


def quantile_column(quantile: float) -> str:
    return f"{QUANTILE}{quantile:.3f}"


def score_columns(task: Task, label_type: ColumnType | None, classes: list | tuple | None = None) -> TableSchema | None:
    """The score columns of reference §0.5; None while they depend on `classes` that are not known yet (the
    classes of a multiclass model, the clusters of a clustering model, the quantiles of a quantile regression)."""
    def score(name: str, kind: ColumnType | None = ColumnType.DOUBLE) -> Column:
        return Column(name, kind, role=Role.SCORE)

    if task is Task.REGRESSION:
        return TableSchema((score(LABELS),))
    if task is Task.BINARY:
        return TableSchema((score(LABELS, label_type), score(PROBABILITIES)))
    if task is Task.ANOMALY_DETECTION:
        return TableSchema((score(LABELS, ColumnType.INTEGER), score(PROBABILITIES)))
    if classes is None:
        return None
    if task is Task.QUANTILE_REGRESSION:
        return TableSchema(tuple(score(quantile_column(q)) for q in classes))
    if task is Task.CLUSTERING:
        return TableSchema((score(ASSIGNMENTS, ColumnType.INTEGER), *(score(f"{DISTANCE}{c}") for c in classes)))
    return TableSchema((*(score(f"{PROBABILITIES}_{c}") for c in classes), score(LABELS, label_type)))


@dataclass(frozen=True)
class ModelSchema:
    """A trained model as `configure` sees it: task, label and the feature columns it expects."""

    name: str
    task: Task
    label: str
    features: TableSchema
    label_type: ColumnType | None = None
    classes: tuple | None = field(default=None, compare=False)  # clusters, quantiles known before training

    def check_features(self, schema: TableSchema, port: str | None = None) -> None:
        """Every feature the model was trained on is present (0001) and still numeric or not (0017)."""
        for feature in self.features.columns:
            if feature.name not in schema:
                raise errors.ComponentError(1, "ColumnNotFound", f'Column with name or index "{feature.name}" not '
                                            f'found; the model "{self.name}" needs it.', port=port,
                                            column=feature.name)
            if is_numeric(feature) and not is_numeric(schema[feature.name]):
                raise errors.invalid_column_type(feature.name, "Numeric")

    def score_schema(self, classes: list | None = None) -> TableSchema | None:
        """The columns `TrainedModel.score` returns; None while they depend on classes not known yet."""
        return score_columns(self.task, self.label_type, classes if classes is not None else self.classes)


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


@dataclass(frozen=True)
class TransformSchema:
    """A fitted transformation as `configure` sees it: the columns it needs, and what it adds or replaces."""

    name: str
    needs: tuple[str, ...]
    produces: tuple[Column, ...] = ()
    drops: tuple[str, ...] = ()

    def apply(self, schema: TableSchema) -> TableSchema:
        kept = TableSchema(tuple(c for c in schema.columns if c.name not in self.drops))
        return kept.replace_columns(**{c.name: c for c in self.produces if c.name in kept}).append(
            *[c for c in self.produces if c.name not in kept])


class Transformation(Protocol):
    """A fitted, reusable data transform (Clean Missing Data, Normalize Data, ...)."""

    schema: TransformSchema

    def apply(self, table: Table) -> Table: ...
