"""What flows along model and transformation ports, their design-time schemas, and the score columns models append.

A trained model scores itself (`TrainedModel.score`); the untrained `Learner` that fits one lives in
`nodes.learner`, which imports scikit-learn.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

import numpy as np
import pandas as pd

from nodes import errors
from nodes.features import is_numeric
from nodes.table import Column, ColumnType, Role, Table, TableSchema

LABELS = "Scored Labels"
PROBABILITIES = "Scored Probabilities"
THRESHOLD = 0.5


class Task(str, Enum):
    REGRESSION = "Regression"
    BINARY = "BinaryClassification"
    MULTICLASS = "MulticlassClassification"

    @property
    def classification(self) -> bool:
        return self is not Task.REGRESSION


@dataclass(frozen=True)
class LearnerSchema:
    name: str
    task: Task


def score_columns(task: Task, label_type: ColumnType | None, classes: list | None = None) -> TableSchema | None:
    """The score columns of reference §0.5; None for a multiclass model whose classes are not known yet."""
    labels = Column(LABELS, ColumnType.DOUBLE if task is Task.REGRESSION else label_type, role=Role.SCORE)
    if task is Task.REGRESSION:
        return TableSchema((labels,))
    if task is Task.BINARY:
        return TableSchema((labels, Column(PROBABILITIES, ColumnType.DOUBLE, role=Role.SCORE)))
    if classes is None:
        return None
    return TableSchema((*(Column(f"{PROBABILITIES}_{c}", ColumnType.DOUBLE, role=Role.SCORE) for c in classes),
                        labels))


@dataclass(frozen=True)
class ModelSchema:
    """A trained model as `configure` sees it: task, label and the feature columns it expects."""

    name: str
    task: Task
    label: str
    features: TableSchema
    label_type: ColumnType | None = None

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
        """The columns `TrainedModel.score` returns; None for multiclass until the fitted `classes` are known."""
        return score_columns(self.task, self.label_type, classes)


@dataclass
class TrainedModel:
    """A fitted model: the learner's name and task, its label, features and classes, and the fitted pipeline
    (feature preparation and estimator) that `score` predicts with."""

    name: str
    task: Task
    label: str
    features: list[Column]
    pipeline: Any
    classes: list[Any] = field(default_factory=list)
    label_type: ColumnType | None = None

    @property
    def schema(self) -> ModelSchema:
        return ModelSchema(self.name, self.task, self.label, TableSchema(tuple(self.features)), self.label_type)

    def score_schema(self) -> TableSchema:
        return self.schema.score_schema(self.classes)

    def score(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The score columns for the rows of `frame` (same index); errors 0001, 0017, and 1000 from the library."""
        self.schema.check_features(Table(frame).schema)
        x = frame[[c.name for c in self.features]]
        try:
            return pd.DataFrame(self._predict(x), index=frame.index)
        except ValueError as error:
            raise errors.library_exception(error) from error

    def _predict(self, x: pd.DataFrame) -> dict[str, np.ndarray]:
        if self.task is Task.REGRESSION:
            return {LABELS: self.pipeline.predict(x).astype(float)}
        probabilities = self.pipeline.predict_proba(x)
        classes = np.asarray(self.classes)
        if self.task is Task.BINARY:
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
