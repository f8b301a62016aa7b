"""Fits fanned out with joblib (one learner trained on some rows, scored on others), and the folds they use.

The fits run under whatever `joblib.parallel_config` is active (threads, worker processes, a Dask cluster):
each fit's seed is fixed before it is dispatched and results come back in fit order, so the backend never
changes a result.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.model_selection import KFold, StratifiedKFold

from nodes import errors
from nodes.folds import FOLD_COLUMN, has_folds
from nodes.learner import Learner
from nodes.params import Params
from nodes.table import Table
from nodes.tasks import Task

SEED = "Random number seed"
DEFAULT_FOLDS = 10


def seeded(learner: Learner, seed: int) -> Learner:
    """The learner with a blank random number seed fixed to `seed`, so that every fit of it is reproducible."""
    if SEED not in learner.params.values or learner.params[SEED] is not None:
        return learner
    return replace(learner, params=Params({**learner.params.values, SEED: seed}, learner.params.ranges))


@dataclass(frozen=True)
class Fit:
    """One fit: `learner` trained on the rows at positions `train` of a table and scored on `test`'s rows (or on
    another table's, when `test` is None)."""

    learner: Learner
    train: np.ndarray | None = None
    test: np.ndarray | None = None


def _fit_and_score(fit: Fit, table: Table, label: str, scored: Table) -> tuple[list, pd.DataFrame]:
    train = table.with_frame(table.frame.iloc[fit.train]) if fit.train is not None else table
    rows = scored.frame.iloc[fit.test] if fit.test is not None else scored.frame
    model = fit.learner.fit(train, label)
    return model.classes, model.score(rows)


def fit_all(fits: list[Fit], table: Table, label: str, scored: Table | None = None) -> list[tuple[list, pd.DataFrame]]:
    """Each fit's model classes and its scores of the test rows (of `table`, or of all of `scored`), in order."""
    scored = table if scored is None else scored
    return Parallel(n_jobs=-1, prefer="threads")(delayed(_fit_and_score)(fit, table, label, scored) for fit in fits)


def fold_numbers(table: Table, label: str, task: Task, seed: int, port: str, folds: int = DEFAULT_FOLDS) -> np.ndarray:
    """Each row's fold: Partition and Sample's assignment (nodes.folds) if the table carries one, else one of
    `folds` random folds numbered from 1, stratified by the label for classification. Error 0021 (naming `port`)
    when there are fewer rows than folds."""
    frame = table.frame
    if has_folds(table.schema):
        return frame[FOLD_COLUMN].to_numpy()
    if len(frame) < folds:
        raise errors.too_few_rows(port, len(frame), folds)
    y = frame[label].astype(str).to_numpy()
    counts = pd.Series(y).value_counts()
    splitter = (StratifiedKFold(folds, shuffle=True, random_state=seed)
                if task.classification and counts.min() >= folds
                else KFold(folds, shuffle=True, random_state=seed))
    folds = np.zeros(len(frame), dtype=int)
    for number, (_, test) in enumerate(splitter.split(np.zeros(len(frame)), y), start=1):
        folds[test] = number
    return folds


def fold_splits(folds: np.ndarray) -> list[tuple[object, np.ndarray, np.ndarray]]:
    """(fold number, training positions, test positions) per distinct fold, in fold order."""
    return [(number, np.flatnonzero(folds != number), np.flatnonzero(folds == number)) for number in np.unique(folds)]
