"""K-means from its fitted centres: each row's distance to every centre (scikit-learn's `euclidean_distances`, as
`KMeans.transform`) and its nearest centre (the smallest `|c|² - 2·x·c`, as `KMeans.predict` ranks them)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics.pairwise import euclidean_distances

Assign = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


def k_means(model: KMeans) -> Assign:
    """(assignments, distances) of the rows of a feature matrix."""
    centres = model.cluster_centers_
    squared = np.einsum("ij,ij->i", centres, centres)

    def assign(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        nearest = (squared - 2 * x @ centres.T).argmin(axis=1).astype(np.int64)
        return nearest, euclidean_distances(x, centres)

    return assign


CLUSTERERS: dict[type, Callable[[Any], Assign]] = {KMeans: k_means}
