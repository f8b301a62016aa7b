"""The scored data sets an Evaluate Model step read, found through the job's edges, as arrays to plot."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from engine.engine import Engine
from nodes.components.scoring.evaluate_model import COMPARE, SCORED
from nodes.models import LABELS, PROBABILITIES, Task
from nodes.scored_values import positive_class, values
from nodes.scores import read_scores
from nodes.table import Table


@dataclass(frozen=True)
class ScoredInput:
    """One input of Evaluate Model: the labelled rows' true values and scores.

    Binary: `actual` is True for the positive class, `scores` are its probabilities, `classes` is
    (negative, positive).
    Multiclass: `actual` and `predicted` are class values. Regression: both are floats.
    """

    port: str
    source: str
    task: Task
    actual: np.ndarray
    predicted: np.ndarray
    scores: np.ndarray | None = None
    classes: tuple[object, object] | None = None


def scored_input(table: Table, port: str, source: str) -> ScoredInput:
    task, label = read_scores(table.schema, port)
    frame = table.frame[table.frame[label].notna()]
    actual, predicted = values(frame[label]), values(frame[LABELS])
    if task is Task.REGRESSION:
        return ScoredInput(port, source, task, actual.astype(float), predicted.astype(float))
    if task is Task.MULTICLASS:
        return ScoredInput(port, source, task, actual, predicted)
    scores = frame[PROBABILITIES].to_numpy(dtype=float)
    positive = positive_class(actual, predicted, scores)
    negative = next((v for v in pd.unique(np.r_[actual, predicted]) if v != positive), f"not {positive}")
    return ScoredInput(port, source, task, actual == positive, predicted, scores, (negative, positive))


def scored_inputs(engine: Engine, job_id: str, node_id: str) -> list[ScoredInput]:
    """The Scored dataset (and the one to compare, if wired) of an Evaluate Model step, left input first."""
    job = engine.workspace.jobs.get(job_id)
    order = (SCORED, COMPARE)
    edges = sorted((e for e in job.pipeline.incoming(node_id) if e.target_port in order),
                   key=lambda e: order.index(e.target_port))
    return [scored_input(engine.output(job_id, e.source, e.source_port), e.target_port, job.step(e.source).name)
            for e in edges]
