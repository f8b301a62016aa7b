"""Evaluate Model: regression, binary, multiclass, clustering or anomaly detection metrics per scored input, logged
and returned as rows (clustering: one row per cluster and a combined row)."""
from __future__ import annotations

import pandas as pd

from nodes import errors, evaluation
from nodes.components.scoring._evaluate_model import DESCRIPTION, common_task, result_schema
from nodes.components.scoring.evaluate_model import COMPARE, OUTPUT, SCORED
from nodes.context import RunContext
from nodes.model_schemas import ASSIGNMENTS, DISTANCE, LABELS, PROBABILITIES
from nodes.params import Params
from nodes.scored_values import positive_class, values
from nodes.scores import read_scores
from nodes.table import ColumnType, Table
from nodes.tasks import Task


def clustering_rows(table: Table) -> list[dict]:
    """One row per cluster and a combined row, from the assignments and the distances to every center."""
    frame = table.frame
    distances = sorted((c for c in frame.columns if c.startswith(DISTANCE)), key=lambda c: int(c[len(DISTANCE):]))
    found = evaluation.clustering_metrics(frame[ASSIGNMENTS].to_numpy(), frame[distances].to_numpy(dtype=float))
    return [{DESCRIPTION: name, **row} for name, row in found.items()]


def metrics(table: Table, task: Task, port: str) -> dict[str, float]:
    """The task's metrics over the rows that have a label (not clustering)."""
    _, label = read_scores(table.schema, port)
    needed = [name for name in (label, LABELS, PROBABILITIES) if name in table.frame.columns]
    frame = table.frame.loc[table.frame[label].notna(), needed]  # only the columns read: a copy of the rows kept
    if frame.empty:
        raise errors.too_few_rows(port, 0, 1)
    if task is Task.REGRESSION:
        return evaluation.regression_metrics(frame[label].to_numpy(dtype=float), frame[LABELS].to_numpy(dtype=float))
    labels, scored = values(frame[label]), values(frame[LABELS])
    if task is Task.MULTICLASS:
        return evaluation.multiclass_metrics(labels, scored)
    probabilities = frame[PROBABILITIES].to_numpy(dtype=float)
    return evaluation.binary_metrics(labels == positive_class(labels, scored, probabilities), probabilities)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    tables: dict[str, Table] = {port: inputs[port] for port in (SCORED, COMPARE) if inputs.get(port) is not None}
    task = common_task({port: table.schema for port, table in tables.items()})
    rows = []
    for step, (port, table) in enumerate(tables.items()):
        found = clustering_rows(table) if task is Task.CLUSTERING else [metrics(table, task, port)]
        suffix = " (compare)" if port == COMPARE else ""
        for name, value in found[-1].items():  # clustering: the combined evaluation
            if name != DESCRIPTION:
                ctx.log_metric(f"{name}{suffix}", value)
        rows.extend(found)
        ctx.progress((step + 1) / len(tables))
    schema = result_schema(task)
    frame = pd.DataFrame(rows, columns=schema.names).astype(
        {c.name: {ColumnType.INTEGER: "int64", ColumnType.STRING: "string"}.get(c.type, "float64")
         for c in schema.columns})
    return {OUTPUT: Table(frame)}
