"""Evaluate Model: regression, binary or multiclass metrics per scored input, logged and returned as rows."""
from __future__ import annotations

import pandas as pd

from nodes import errors, evaluation
from nodes.components.scoring.evaluate_model import COMPARE, OUTPUT, SCORED
from nodes.context import DesignContext, RunContext
from nodes.models import LABELS, PROBABILITIES, Task
from nodes.params import Params
from nodes.scores import positive_class, read_scores, values
from nodes.table import Column, ColumnType, Table, TableSchema

METRICS = {Task.REGRESSION: evaluation.REGRESSION, Task.BINARY: evaluation.BINARY,
           Task.MULTICLASS: evaluation.MULTICLASS}


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
