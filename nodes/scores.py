"""Reading a scored data set's schema back: the task its score columns show and its label column; free of data
libraries (nodes.scored_values reads the values)."""
from __future__ import annotations

from nodes import errors
from nodes.model_schemas import LABELS, PROBABILITIES
from nodes.schema import Role, TableSchema
from nodes.tasks import Task


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
