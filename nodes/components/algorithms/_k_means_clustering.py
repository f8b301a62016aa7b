"""K-Means Clustering on scikit-learn's `KMeans`, one run from the chosen initialisation (`n_init=1`, as Azure's
own port does for K-Means++).

Number of centroids is `n_clusters`, Iterations `max_iter`; K-Means++ (and K-Means++ Fast) is `init="k-means++"`,
Random `init="random"`, Default the first k rows. With the Cosine metric each row is first scaled to unit length,
where squared Euclidean distance is twice the cosine distance, so the centroids minimise cosine distance (the
distances reported are the Euclidean ones between unit rows). Normalize features rescales numeric features to
[0, 1] in the learner's feature preparation. The model's distances are `KMeans.transform`, its assignments
`KMeans.predict`.
"""
from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import Normalizer

from nodes.components.algorithms.k_means_clustering import (
    CENTROIDS,
    COSINE,
    FIRST_N,
    INITIALIZATION,
    ITERATIONS,
    METRIC,
    NORMALIZE,
    RANDOM,
)
from nodes.components.algorithms.learners import SEED
from nodes.params import Params
from nodes.preparation import MIN_MAX


def first_rows(x: np.ndarray, n_clusters: int, random_state: object) -> np.ndarray:
    """The Default initialisation: the first `n_clusters` rows are the first centroids."""
    return np.asarray(x[:n_clusters], dtype=float)


def estimator(params: Params) -> KMeans | Pipeline:
    init = {RANDOM: "random", FIRST_N: first_rows}.get(params[INITIALIZATION], "k-means++")
    k_means = KMeans(n_clusters=params[CENTROIDS], init=init, n_init=1, max_iter=params[ITERATIONS],
                     random_state=params[SEED])
    return Pipeline([("unit", Normalizer()), ("model", k_means)]) if params[METRIC] == COSINE else k_means


def scaler(params: Params) -> str | None:
    return MIN_MAX if params[NORMALIZE] else None
