"""Tune Model Hyperparameters: choose grid points, score each on the validation set or by cross-validation, refit
the best on the whole training set."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy.stats import loguniform, randint, uniform
from sklearn.model_selection import ParameterGrid, ParameterSampler

from nodes import errors, evaluation, metric_names
from nodes.components.training._fits import Fit, fit_all, fold_numbers, fold_splits, seeded
from nodes.components.training._train_model import check_classes, check_label
from nodes.components.training._tune_model_hyperparameters import check_learner, configure
from nodes.components.training.tune_model_hyperparameters import (
    BEST,
    CLASSIFICATION_METRIC,
    ENTIRE_GRID,
    LEARNER,
    MODE,
    RANDOM_GRID,
    REGRESSION_METRIC,
    REGRESSION_METRICS,
    RESULTS,
    RUNS,
    SEED,
    TRAINING,
    VALIDATION,
)
from nodes.context import DesignContext, RunContext
from nodes.learner import Learner
from nodes.params import Params
from nodes.table import Table
from nodes.tasks import Task

TUNING_FOLDS = 3  # without a validation set or upstream folds: each point costs this many fits
# Evaluate Model's name of each regression metric -> its option
REGRESSION_COLUMNS = dict(zip(metric_names.REGRESSION, REGRESSION_METRICS, strict=True))
LOWER_IS_BETTER = {REGRESSION_COLUMNS.get(name, name) for name in metric_names.LOWER_IS_BETTER}


def sweep_distribution(values: list) -> object:
    """What Random sweep draws a parameter from: integers or numbers spanning its range (log-uniform over ranges
    of positive numbers spanning two decades or more), or its one value."""
    low, high = min(values), max(values)
    if low == high:
        return [low]
    if all(isinstance(v, int) for v in values):
        return randint(low, high + 1)
    if low > 0 and high / low >= 100:
        return loguniform(low, high)
    return uniform(low, high - low)


def sweep_points(grid: dict[str, list], mode: str, runs: int, seed: int) -> list[dict]:
    """The parameter sets to try: every combination, `runs` distinct grid points, or `runs` random draws."""
    if mode == ENTIRE_GRID:
        return list(ParameterGrid(grid)) if grid else [{}]
    if not grid:
        return [{}]
    if mode == RANDOM_GRID:
        size = math.prod(len(set(v)) for v in grid.values())
        space = {name: sorted(set(values)) for name, values in grid.items()}
        return [_plain(p) for p in ParameterSampler(space, min(runs, size), random_state=seed)]
    space = {name: sweep_distribution(values) for name, values in grid.items()}
    return [_plain(p) for p in ParameterSampler(space, runs, random_state=seed)]


def _plain(point: dict) -> dict:
    return {name: value.item() if isinstance(value, np.generic) else value for name, value in point.items()}


def chosen_metric(task: Task, params: Params) -> str:
    """The column of the sweep results that ranks the runs."""
    return params[REGRESSION_METRIC] if task is Task.REGRESSION else params[CLASSIFICATION_METRIC]


def point_metrics(task: Task, table: Table, label: str, scored: list[tuple[list, pd.DataFrame]],
                  validation: Table | None) -> dict[str, float]:
    """One point's metrics: on the validation set, or averaged over its folds."""
    classes = sorted(pd.unique(table.frame[label].dropna()).tolist()) if task is Task.MULTICLASS else None
    per_fold = []
    for model_classes, scores in scored:
        rows = validation.frame if validation is not None else table.frame.loc[scores.index]
        per_fold.append(evaluation.score_metrics(task, rows[label].to_numpy(), scores, classes or model_classes))
    averaged = pd.DataFrame(per_fold).mean().to_dict()
    return {REGRESSION_COLUMNS.get(name, name): value for name, value in averaged.items()}


def ranking(results: pd.DataFrame, metric: str) -> pd.Index:
    """Row labels best first (missing values last, ties in run order)."""
    return results.sort_values(metric, ascending=metric in LOWER_IS_BETTER, kind="stable", na_position="last").index


def labelled(table: Table, label: str, port: str) -> Table:
    """The rows that have a label (error 0021 when none has)."""
    missing = table.frame[label].isna()
    kept = table.with_frame(table.frame[~missing]) if missing.any() else table
    if kept.frame.empty:
        raise errors.too_few_rows(port, 0, 1)
    return kept


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    learner: Learner = inputs[LEARNER]
    check_learner(learner.schema)
    validation_table: Table | None = inputs.get(VALIDATION)
    configure(DesignContext(), {LEARNER: learner.schema, TRAINING: inputs[TRAINING].schema,
                                VALIDATION: validation_table.schema if validation_table is not None else None}, params)
    label = check_label(inputs[TRAINING].schema, params, learner.task)
    table = labelled(inputs[TRAINING], label, TRAINING)
    check_classes(learner, label, table.frame[label])
    validation = labelled(validation_table, label, VALIDATION) if validation_table is not None else None
    seed = params[SEED] if params[SEED] is not None else 0
    learner = seeded(learner, seed)
    points = sweep_points(learner.grid, params[MODE], params[RUNS] or 1, seed)
    if validation is not None:
        splits = [(None, None)]
    else:
        folds = fold_numbers(table, label, learner.task, seed, TRAINING, TUNING_FOLDS)
        splits = [(train, test) for _, train, test in fold_splits(folds)]
    ctx.logger.info("Sweeping %d parameter sets%s.", len(points),
                    "" if validation is not None else f" by {len(splits)}-fold cross-validation")
    ctx.progress(0.05, "Sweeping")
    fits = [Fit(learner.at(point), train, test) for point in points for train, test in splits]
    scored = fit_all(fits, table, label, validation)
    rows = [{**point, **point_metrics(learner.task, table, label, scored[i * len(splits):(i + 1) * len(splits)],
                                      validation)} for i, point in enumerate(points)]
    results = pd.DataFrame(rows, columns=[*learner.grid, *(c for c in rows[0] if c not in learner.grid)])
    metric = chosen_metric(learner.task, params)
    order = ranking(results, metric)
    best = points[order[0]]
    ctx.logger.info("Best by %s: %s", metric, best or "the learner's own parameters")
    ctx.log_metric(metric, results.loc[order[0], metric])
    ctx.progress(0.9, "Training the best model")
    model = learner.at(best).fit(table, label)
    ctx.progress(1.0)
    return {RESULTS: Table(results.loc[order].reset_index(drop=True)), BEST: model}
