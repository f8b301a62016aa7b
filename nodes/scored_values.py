"""Reading a scored data set's values back: its columns as arrays and the positive class."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nodes.model_schemas import THRESHOLD


def values(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype=object)


def positive_class(labels: np.ndarray, scored: np.ndarray, probabilities: np.ndarray) -> object:
    """The class scored at or above the threshold; failing that, a label value never predicted (None if none)."""
    above = scored[probabilities >= THRESHOLD]
    if len(above):
        return above[0]
    unseen = [value for value in pd.unique(labels) if value not in set(scored)]
    return unseen[0] if unseen else None
