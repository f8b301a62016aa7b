"""Cross Validate Model: one fit per fold on the other folds' rows, the fold's rows scored by it, metrics per fold."""
from __future__ import annotations

import pandas as pd

from nodes import evaluation
from nodes.components.training._cross_validate_model import NAME, check_learner
from nodes.components.training._fits import Fit, fit_all, fold_numbers, fold_splits, seeded
from nodes.components.training._train_model import check_classes, check_label
from nodes.components.training._tune_model_hyperparameters_run import labelled
from nodes.components.training.cross_validate_model import (
    BY_FOLD,
    DATASET,
    EXAMPLES,
    FOLD_NUMBER,
    LEARNER,
    MEAN,
    SCORED,
    SEED,
    STD,
)
from nodes.context import RunContext
from nodes.learner import Learner
from nodes.model_schemas import score_columns
from nodes.params import Params
from nodes.table import Role, Table
from nodes.tasks import Task


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    learner: Learner = inputs[LEARNER]
    check_learner(learner.schema, NAME)
    label = check_label(inputs[DATASET].schema, params, learner.task)
    table = labelled(inputs[DATASET], label, DATASET)
    check_classes(learner, label, table.frame[label])
    task = learner.task
    splits = fold_splits(fold_numbers(table, label, task, params[SEED], DATASET))
    ctx.logger.info("Cross-validating %s over %d folds.", learner.name, len(splits))
    ctx.progress(0.05, "Fitting the folds")
    fitted = fit_all([Fit(seeded(learner, params[SEED]), train, test) for _, train, test in splits], table, label)
    classes = sorted(pd.unique(table.frame[label]).tolist()) if task is Task.MULTICLASS else fitted[0][0]
    columns = score_columns(task, table.schema[label].type, classes).names
    rows, parts = [], []
    for (number, _, test), (_, scores) in zip(splits, fitted, strict=True):
        scores = scores.reindex(columns=columns, fill_value=0.0)
        parts.append(scores.assign(**{FOLD_NUMBER: number}).set_axis(test))
        metrics = evaluation.score_metrics(task, table.frame[label].iloc[test].to_numpy(), scores, classes)
        rows.append({FOLD_NUMBER: str(number), EXAMPLES: float(len(test)), **metrics})
    by_fold = pd.DataFrame(rows)
    summary = by_fold.drop(columns=FOLD_NUMBER)
    by_fold = pd.concat([by_fold, pd.DataFrame([{FOLD_NUMBER: MEAN, **summary.mean().to_dict()},
                                                {FOLD_NUMBER: STD, **summary.std().to_dict()}])], ignore_index=True)
    for name, value in summary.mean().items():
        ctx.log_metric(f"{MEAN} {name}", value)
    scores = pd.concat(parts).sort_index().set_axis(table.frame.index).astype({FOLD_NUMBER: "int64"})
    frame = pd.concat([table.frame.drop(columns=[*columns, FOLD_NUMBER], errors="ignore"), scores], axis=1)
    roles = {label: Role.LABEL, FOLD_NUMBER: Role.NONE, **dict.fromkeys(columns, Role.SCORE)}
    ctx.progress(1.0)
    return {SCORED: table.with_frame(frame).with_roles(**roles),
            BY_FOLD: Table(by_fold.astype({FOLD_NUMBER: "string", EXAMPLES: "float64"}))}
