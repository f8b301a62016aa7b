"""The kinds of model a learner makes, and an untrained model as `configure` sees it; free of data libraries."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Task(str, Enum):
    REGRESSION = "Regression"
    BINARY = "BinaryClassification"
    MULTICLASS = "MulticlassClassification"
    QUANTILE_REGRESSION = "QuantileRegression"
    CLUSTERING = "Clustering"
    ANOMALY_DETECTION = "AnomalyDetection"

    @property
    def classification(self) -> bool:
        return self in (Task.BINARY, Task.MULTICLASS)

    @property
    def regression(self) -> bool:
        """Predicts numbers from a numeric label."""
        return self in (Task.REGRESSION, Task.QUANTILE_REGRESSION)

    @property
    def supervised(self) -> bool:
        """Trained on a label column by Train Model (clustering and anomaly detection have their own trainers)."""
        return self not in (Task.CLUSTERING, Task.ANOMALY_DETECTION)


@dataclass(frozen=True)
class LearnerSchema:
    """An untrained model as `configure` sees it. `classes` are the output levels known before training: the
    cluster numbers of a clustering learner, the quantiles of a quantile regression (None when a sweep decides)."""

    name: str
    task: Task
    classes: tuple | None = field(default=None, compare=False)
