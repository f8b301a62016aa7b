"""Boosted Decision Tree learners on scikit-learn's histogram gradient boosting.

The designer's boosted trees (LightGBM in Azure) map to `HistGradientBoostingRegressor` / `Classifier`, whose
trees grow leaf-wise like LightGBM's: Maximum number of leaves per tree is `max_leaf_nodes`, Minimum number of
samples per leaf node is `min_samples_leaf`, Learning rate is `learning_rate` and Total number of trees
constructed is `max_iter` (one tree per iteration and class). Every tree is built (`early_stopping=False`), as in
the designer. Features arrive one-hot encoded from the learner's preparation, so no categorical support is needed.
"""
from __future__ import annotations

from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

from nodes.components.algorithms.boosted_decision_tree import LEARNING_RATE, LEAVES, MIN_LEAF, TREES
from nodes.components.algorithms.learners import SEED
from nodes.params import Params


def _settings(params: Params) -> dict:
    return {"max_leaf_nodes": params[LEAVES], "min_samples_leaf": params[MIN_LEAF],
            "learning_rate": params[LEARNING_RATE], "max_iter": params[TREES], "early_stopping": False,
            "random_state": params[SEED]}


def regressor(params: Params) -> HistGradientBoostingRegressor:
    return HistGradientBoostingRegressor(**_settings(params))


def classifier(params: Params) -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(**_settings(params))
