"""Split Rows: which rows go to Split Data's first output, by fraction, optionally shuffled and stratified."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd


def first_count(fraction: float, rows: int) -> int:
    """Rows in the first output, rounded down as `train_test_split(train_size=fraction)` does."""
    return min(rows, math.floor(fraction * rows + 1e-9))


def split_rows(rows: int, fraction: float, randomized: bool, seed: int,
               strata: pd.Series | None = None) -> np.ndarray:
    """A mask of the first output's rows.

    Each class of `strata` (missing values forming one class) gives `fraction` of its rows; randomized
    splits without strata choose the rows `train_test_split(train_size=fraction, random_state=seed)` does.
    """
    rng = np.random.RandomState(seed)
    if strata is None:
        groups = [np.arange(rows)]
    else:
        codes = pd.factorize(strata, use_na_sentinel=False)[0]
        groups = [np.flatnonzero(codes == code) for code in range(codes.max() + 1 if rows else 0)]
    mask = np.zeros(rows, dtype=bool)
    for members in groups:
        count = first_count(fraction, len(members))
        if randomized:
            members = members[rng.permutation(len(members))]
            mask[members[len(members) - count:]] = True
        else:
            mask[members[:count]] = True
    return mask
