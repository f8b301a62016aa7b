"""Evaluate Model: the designer's metrics for one or two scored data sets, the task read from their score columns."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nodes import errors, evaluation
from nodes.component import Component
from nodes.components.scoring.score_model import LABELS, PROBABILITIES, THRESHOLD
from nodes.context import DesignContext, RunContext
from nodes.models import Task
from nodes.params import Params
from nodes.ports import DataFrame
from nodes.table import Column, ColumnType, Role, Table, TableSchema

SCORED = "Scored dataset"
COMPARE = "Scored dataset to compare"
OUTPUT = "Evaluation results"
METRICS = {Task.REGRESSION: evaluation.REGRESSION, Task.BINARY: evaluation.BINARY,
           Task.MULTICLASS: evaluation.MULTICLASS}


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


def common_task(schemas: dict[str, TableSchema]) -> Task:
    """The one task of all connected inputs; an error names both ports when they differ."""
    found = {port: read_scores(schema, port)[0] for port, schema in schemas.items()}
    if len(set(found.values())) > 1:
        raise errors.invalid_dataset(f'"{SCORED}" holds {found[SCORED].value} scores but "{COMPARE}" holds '
                                     f'{found[COMPARE].value} scores; both must come from the same kind of model.',
                                     port=COMPARE)
    return found[SCORED]


def result_schema(task: Task) -> TableSchema:
    return TableSchema(tuple(Column(name, ColumnType.INTEGER if name in evaluation.COUNTS else ColumnType.DOUBLE)
                             for name in METRICS[task]))


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schemas = {port: inputs.get(port) for port in (SCORED, COMPARE)}
    if schemas[SCORED] is None:
        return {OUTPUT: None}
    return {OUTPUT: result_schema(common_task({p: s for p, s in schemas.items() if s is not None}))}


def values(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype=object)


def positive_class(labels: np.ndarray, scored: np.ndarray, probabilities: np.ndarray) -> object:
    """The class scored at or above the threshold; failing that, a label value never predicted (None if none)."""
    above = scored[probabilities >= THRESHOLD]
    if len(above):
        return above[0]
    unseen = [value for value in pd.unique(labels) if value not in set(scored)]
    return unseen[0] if unseen else None


def metrics(table: Table, task: Task, port: str) -> dict[str, float]:
    """The task's metrics over the rows that have a label."""
    _, label = read_scores(table.schema, port)
    frame = table.frame[table.frame[label].notna()]
    labels, scored = values(frame[label]), values(frame[LABELS])
    if task is Task.REGRESSION:
        return evaluation.regression_metrics(labels.astype(float), scored.astype(float))
    if task is Task.MULTICLASS:
        return evaluation.multiclass_metrics(labels, scored)
    probabilities = frame[PROBABILITIES].to_numpy(dtype=float)
    return evaluation.binary_metrics(labels == positive_class(labels, scored, probabilities), probabilities)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    tables: dict[str, Table] = {port: inputs[port] for port in (SCORED, COMPARE) if inputs.get(port) is not None}
    task = common_task({port: table.schema for port, table in tables.items()})
    rows = []
    for step, (port, table) in enumerate(tables.items()):
        row = metrics(table, task, port)
        suffix = " (compare)" if port == COMPARE else ""
        for name, value in row.items():
            ctx.log_metric(f"{name}{suffix}", value)
        rows.append(row)
        ctx.progress((step + 1) / len(tables))
    schema = result_schema(task)
    frame = pd.DataFrame(rows, columns=schema.names).astype(
        {c.name: "int64" if c.type is ColumnType.INTEGER else "float64" for c in schema.columns})
    return {OUTPUT: Table(frame)}


COMPONENT = Component(
    id="evaluate_model",
    name="Evaluate Model",
    category="Model Scoring & Evaluation",
    description="Computes regression or classification metrics of one scored data set, or compares two.",
    inputs=(DataFrame(SCORED), DataFrame(COMPARE, optional=True)),
    outputs=(DataFrame(OUTPUT),),
    configure=configure,
    run=run,
)
