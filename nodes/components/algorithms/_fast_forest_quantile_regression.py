"""Fast Forest Quantile Regression on scikit-learn's random forest.

As in Azure's own port, the forest is a `RandomForestRegressor` (Number of Trees `n_estimators`, Number of Leaves
`max_leaf_nodes`, Minimum number of training instances `min_samples_leaf`, Bagging fraction `max_samples` of a
bootstrap sample, Split fraction `max_features`), and the score for quantile q of a row is `numpy.quantile` (linear
interpolation) of the trees' predictions for it. Feature fraction (features per tree) and Quantile sample count
have no scikit-learn counterpart and have no effect.
"""
from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, RegressorMixin, clone
from sklearn.ensemble import RandomForestRegressor

from nodes.components.algorithms.fast_forest_quantile_regression import (
    BAGGING,
    LEAVES,
    MIN_LEAF,
    SPLIT,
    TREES,
    quantiles,
)
from nodes.components.algorithms.learners import SEED
from nodes.params import Params


class QuantileForest(RegressorMixin, BaseEstimator):
    """A fitted copy of `forest` whose `predict` gives one column per quantile of its trees' predictions."""

    def __init__(self, forest: RandomForestRegressor | None = None, quantiles: tuple[float, ...] = (0.5,)):
        self.forest = forest
        self.quantiles = quantiles

    def fit(self, x: np.ndarray, y: np.ndarray) -> QuantileForest:
        self.forest_ = clone(self.forest).fit(x, y)
        return self

    def predict(self, x: np.ndarray) -> np.ndarray:
        per_tree = np.stack([tree.predict(x) for tree in self.forest_.estimators_], axis=1)
        return np.quantile(per_tree, self.quantiles, axis=1).T


def estimator(params: Params) -> QuantileForest:
    forest = RandomForestRegressor(n_estimators=params[TREES], max_leaf_nodes=params[LEAVES],
                                   min_samples_leaf=params[MIN_LEAF], max_samples=params[BAGGING],
                                   max_features=params[SPLIT], random_state=params[SEED])
    return QuantileForest(forest, quantiles(params))
