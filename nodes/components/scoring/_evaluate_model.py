"""Evaluate Model's design-time side: which metrics (the result's columns) the scored inputs' task has.

Its run (`_evaluate_model_run`) computes them with scikit-learn."""
from __future__ import annotations

from nodes import errors, metric_names
from nodes.components.scoring.evaluate_model import COMPARE, OUTPUT, SCORED
from nodes.context import DesignContext
from nodes.model_schemas import ASSIGNMENTS
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema
from nodes.scores import read_scores
from nodes.tasks import Task

DESCRIPTION = "Result Description"
METRICS = {Task.REGRESSION: metric_names.REGRESSION, Task.BINARY: metric_names.BINARY,
           Task.MULTICLASS: metric_names.MULTICLASS, Task.ANOMALY_DETECTION: metric_names.BINARY,
           Task.CLUSTERING: (DESCRIPTION, *metric_names.CLUSTERING)}


def task_of(schema: TableSchema, port: str) -> Task:
    """Clustering when Assignments are among the score columns (no label needed), else what `read_scores` reads."""
    if ASSIGNMENTS in schema.with_role(Role.SCORE):
        return Task.CLUSTERING
    return read_scores(schema, port)[0]


def common_task(schemas: dict[str, TableSchema]) -> Task:
    """The one task of all connected inputs; an error names both ports when they differ."""
    found = {port: task_of(schema, port) for port, schema in schemas.items()}
    if len(set(found.values())) > 1:
        raise errors.invalid_dataset(f'"{SCORED}" holds {found[SCORED].value} scores but "{COMPARE}" holds '
                                     f'{found[COMPARE].value} scores; both must come from the same kind of model.',
                                     port=COMPARE)
    return found[SCORED]


def column_type(name: str) -> ColumnType:
    if name == DESCRIPTION:
        return ColumnType.STRING
    return ColumnType.INTEGER if name in metric_names.COUNTS else ColumnType.DOUBLE


def result_schema(task: Task) -> TableSchema:
    return TableSchema(tuple(Column(name, column_type(name)) for name in METRICS[task]))


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schemas = {port: inputs.get(port) for port in (SCORED, COMPARE)}
    if schemas[SCORED] is None:
        return {OUTPUT: None}
    return {OUTPUT: result_schema(common_task({p: s for p, s in schemas.items() if s is not None}))}
