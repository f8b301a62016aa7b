"""Decision Forest learners on scikit-learn's random forests.

Number of decision trees is `n_estimators`, Maximum depth `max_depth`, Minimum number of samples per leaf node
`min_samples_leaf`; Bagging Resampling trains each tree on a bootstrap sample (`bootstrap=True`), Replicate
Resampling on every row (`bootstrap=False`, the trees then differ only by the features drawn at each split).
Number of random splits per node (candidate thresholds in the designer's forests) has no scikit-learn
counterpart: scikit-learn searches every threshold, so it is checked and has no effect, as in Azure's own port.
"""
from __future__ import annotations

from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor

from nodes.components.algorithms.decision_forest import BAGGING, DEPTH, MIN_LEAF, RESAMPLING, TREES
from nodes.components.algorithms.learners import SEED
from nodes.params import Params


def _settings(params: Params) -> dict:
    return {"n_estimators": params[TREES], "max_depth": params[DEPTH], "min_samples_leaf": params[MIN_LEAF],
            "bootstrap": params[RESAMPLING] == BAGGING, "random_state": params[SEED]}


def regressor(params: Params) -> RandomForestRegressor:
    return RandomForestRegressor(**_settings(params))


def classifier(params: Params) -> RandomForestClassifier:
    return RandomForestClassifier(**_settings(params))
