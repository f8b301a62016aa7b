"""PCA-Based Anomaly Detection on scikit-learn's randomized decompositions.

The detector projects the rows on the first Number of components principal directions and scores each row by
its squared reconstruction error e (the squared distance to that subspace). Without mean normalization the
decomposition is `TruncatedSVD(algorithm="randomized")` (no centring, like the designer); with it, `PCA(
svd_solver="randomized")`. The oversampling parameter is `n_oversamples`; the seed is fixed at 42, as in Azure.
The score becomes a probability e/(e + t), where t is the 99th percentile of the training rows' errors: 0.5 at
t, so Scored Labels (threshold 0.5) flags about the 1% of training rows the subspace fits worst, and more of any
data that it fits worse. Numeric features are rescaled to [0, 1] first.
"""
from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.decomposition import PCA, TruncatedSVD

from nodes.components.algorithms.pca_based_anomaly_detection import CENTER, COMPONENTS, OVERSAMPLING
from nodes.params import Params
from nodes.preparation import MIN_MAX

SEED = 42
REFERENCE_QUANTILE = 0.99


class ReconstructionAnomaly(ClassifierMixin, BaseEstimator):
    """Anomaly probabilities from the reconstruction error of a fitted copy of `decomposition`."""

    def __init__(self, decomposition: PCA | TruncatedSVD | None = None):
        self.decomposition = decomposition

    def fit(self, x: np.ndarray, y: object = None) -> ReconstructionAnomaly:
        self.decomposition_ = clone(self.decomposition).fit(x)
        self.reference_ = max(float(np.quantile(self.errors(x), REFERENCE_QUANTILE)), np.finfo(float).tiny)
        self.classes_ = np.array([0, 1])
        return self

    def errors(self, x: np.ndarray) -> np.ndarray:
        """Each row's squared distance to the fitted subspace."""
        restored = self.decomposition_.inverse_transform(self.decomposition_.transform(x))
        return np.sum((np.asarray(x, dtype=float) - restored) ** 2, axis=1)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        errors = self.errors(x)
        anomaly = errors / (errors + self.reference_)
        return np.column_stack([1 - anomaly, anomaly])

    def predict(self, x: np.ndarray) -> np.ndarray:
        return (self.predict_proba(x)[:, 1] >= 0.5).astype(int)


def estimator(params: Params) -> ReconstructionAnomaly:
    settings = {"n_components": params[COMPONENTS], "n_oversamples": params[OVERSAMPLING], "random_state": SEED}
    if params[CENTER]:
        return ReconstructionAnomaly(PCA(svd_solver="randomized", **settings))
    return ReconstructionAnomaly(TruncatedSVD(algorithm="randomized", **settings))


def scaler(params: Params) -> str:
    return MIN_MAX
