"""Assign to Folds: which fold each row goes to, evenly (as scikit-learn's KFold / StratifiedKFold) or in given
proportions, optionally drawn with replacement."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold


def fold_sizes(rows: int, proportions: list[float]) -> list[int]:
    """Rows per fold: each proportion's share rounded down, the rows left over going one each to the first folds
    (for equal proportions, KFold's sizes)."""
    total = sum(proportions)
    sizes = [int(np.floor(rows * p / total + 1e-9)) for p in proportions]
    for i in range(rows - sum(sizes)):
        sizes[i % len(sizes)] += 1
    return sizes


def strata_groups(rows: int, strata: pd.Series | None) -> list[np.ndarray]:
    """The row positions of each stratum (missing values forming one), or all rows."""
    if strata is None:
        return [np.arange(rows)]
    codes = pd.factorize(strata, use_na_sentinel=False)[0]
    return [np.flatnonzero(codes == code) for code in range(codes.max() + 1 if rows else 0)]


def assign_folds(rows: int, proportions: list[float], randomized: bool, seed: int, strata: pd.Series | None = None,
                 replacement: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(row positions, their 1-based folds). Without replacement every row once, in order; with replacement each
    fold draws its size of rows per stratum, fold after fold."""
    rng = np.random.RandomState(seed)
    groups = strata_groups(rows, strata)
    if replacement:
        drawn = [(rng.choice(members, size, replace=True), fold + 1)
                 for members in groups if len(members)
                 for fold, size in enumerate(fold_sizes(len(members), proportions))]
        rows_out = np.concatenate([r for r, _ in drawn]) if drawn else np.array([], dtype=int)
        folds = np.concatenate([np.full(len(r), f) for r, f in drawn]) if drawn else np.array([], dtype=int)
        order = np.argsort(folds, kind="stable")
        return rows_out[order], folds[order]
    folds = np.zeros(rows, dtype=np.int64)
    if strata is not None and len(set(proportions)) == 1:
        codes = pd.factorize(strata, use_na_sentinel=False)[0]
        splitter = StratifiedKFold(len(proportions), shuffle=randomized, random_state=seed if randomized else None)
        for fold, (_, test) in enumerate(splitter.split(np.zeros((rows, 1)), codes)):
            folds[test] = fold + 1
        return np.arange(rows), folds
    for members in groups:
        if randomized:
            members = members.copy()
            rng.shuffle(members)
        bounds = np.cumsum([0, *fold_sizes(len(members), proportions)])
        for fold in range(len(proportions)):
            folds[members[bounds[fold]:bounds[fold + 1]]] = fold + 1
    return np.arange(rows), folds
