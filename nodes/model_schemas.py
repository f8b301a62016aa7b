"""Models and transformations as `configure` sees them, and the score columns a model appends; free of data
libraries (the fitted objects, which score and apply, live in nodes.models and the components' modules)."""
from __future__ import annotations

from dataclasses import dataclass, field

from nodes import errors
from nodes.features import is_numeric
from nodes.schema import Column, ColumnType, Role, TableSchema
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
