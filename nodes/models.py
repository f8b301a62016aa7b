"""What flows along model and transformation ports, and their design-time schemas."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

from nodes.table import Column, ColumnType, Table, TableSchema


class Task(str, Enum):
    REGRESSION = "Regression"
    BINARY = "BinaryClassification"
    MULTICLASS = "MulticlassClassification"

    @property
    def classification(self) -> bool:
        return self is not Task.REGRESSION


@dataclass(frozen=True)
class Learner:
    """An untrained model: a learner's name, its task and an unfitted scikit-learn estimator."""

    name: str
    task: Task
    estimator: Any
    scale_numeric: bool = False
    allow_unknown_levels: bool = True


@dataclass(frozen=True)
class LearnerSchema:
    name: str
    task: Task


@dataclass(frozen=True)
class ModelSchema:
    """A trained model as `configure` sees it: task, label and the feature columns it expects."""

    name: str
    task: Task
    label: str
    features: TableSchema
    label_type: ColumnType | None = None


@dataclass
class TrainedModel:
    """A fitted model: the learner's name and task, its label, features and classes, and the fitted pipeline."""

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
