"""Reading a scored data set back: the task its score columns show, its label column and the positive class."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nodes import errors
from nodes.models import LABELS, PROBABILITIES, THRESHOLD, Task
from nodes.table import Role, TableSchema


def read_scores(schema: TableSchema, port: str) -> tuple[Task, str]:
    """The task the score columns show (error 0025 without them) and the label column (error 0024 without one)."""
    scores = schema.with_role(Role.SCORE)
    if any(name.startswith(f"{PROBABILITIES}_") for name in scores):
        task = Task.MULTICLASS
    elif PROBABILITIES in scores and LABELS in scores:
        task = Task.BINARY
    elif LABELS in scores:
        task = Task.REGRESSION
    else:
        raise errors.not_scored(port)
    labels = schema.with_role(Role.LABEL)
    if not labels:
        raise errors.not_labeled(port)
    return task, labels[0]


def values(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype=object)


def positive_class(labels: np.ndarray, scored: np.ndarray, probabilities: np.ndarray) -> object:
    """The class scored at or above the threshold; failing that, a label value never predicted (None if none)."""
    above = scored[probabilities >= THRESHOLD]
    if len(above):
        return above[0]
    unseen = [value for value in pd.unique(labels) if value not in set(scored)]
    return unseen[0] if unseen else None
