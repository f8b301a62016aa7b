"""Decision trees, random forests and histogram gradient boosting from their fitted nodes, in plain NumPy.

Every tree of a model is laid into one node table, and all rows walk all trees at once, one level per step,
comparing as scikit-learn does: its trees compare float32 features with float64
thresholds, its gradient boosting float64 features; a missing value goes the side its node learnt. (skl2onnx and
onnxruntime were measured and left aside: their float32 tree ensembles differ from scikit-learn by more than 1e-6
and they did not convert these histogram gradient boosting models.)
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.special import expit, softmax
from sklearn.ensemble import (
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from engine.compiled.kernel import NotCompilable

Predict = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Forest:
    """Trees as one node table: a row goes left where its feature is at most the threshold (or, missing, where
    `missing_left` says); `roots` are the trees' first nodes."""

    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    roots: np.ndarray

    def leaves(self, x: np.ndarray) -> np.ndarray:
        """The leaf each row reaches in each tree: (rows, trees) node numbers. Every (row, tree) walk steps down
        one level at a time; walks that reached a leaf drop out."""
        nodes = np.tile(self.roots, len(x))
        rows = np.repeat(np.arange(len(x)), len(self.roots))
        walking = np.flatnonzero(~self.is_leaf[nodes])
        while walking.size:
            at = nodes[walking]
            values = x[rows[walking], self.feature[at]]
            go_left = np.where(np.isnan(values), self.missing_left[at], values <= self.threshold[at])
            at = np.where(go_left, self.left[at], self.right[at])
            nodes[walking] = at
            walking = walking[~self.is_leaf[at]]
        return nodes.reshape(len(x), len(self.roots))


def _forest(tables: list[dict[str, np.ndarray]]) -> Forest:
    """One `Forest` of per-tree tables (feature, threshold, missing_left, left, right, is_leaf)."""
    offsets = np.cumsum([0, *(len(t["feature"]) for t in tables[:-1])]).astype(np.int64)

    def joined(name: str) -> np.ndarray:
        return np.concatenate([t[name] for t in tables])

    def children(name: str) -> np.ndarray:
        return np.concatenate([t[name].astype(np.int64) + offset for t, offset in zip(tables, offsets)])

    return Forest(joined("feature").astype(np.int64), joined("threshold").astype(np.float64),
                  joined("missing_left").astype(bool), children("left"), children("right"),
                  joined("is_leaf").astype(bool), offsets)


def _sklearn_trees(trees: list[Any]) -> tuple[Forest, np.ndarray]:
    """Fitted `tree_` structures as a forest, and each node's value (nodes, outputs, classes)."""
    tables = [{"feature": t.feature, "threshold": t.threshold, "missing_left": t.missing_go_to_left,
               "left": t.children_left, "right": t.children_right, "is_leaf": t.children_left < 0} for t in trees]
    return _forest(tables), np.concatenate([t.value for t in trees])


def _as_float32(x: np.ndarray) -> np.ndarray:
    return x.astype(np.float32).astype(np.float64)


def tree_regression(model: Any) -> Predict:
    """A decision tree or random forest regressor: the mean of the trees' leaf values."""
    trees = [e.tree_ for e in getattr(model, "estimators_", [model])]
    if model.n_outputs_ != 1:
        raise NotCompilable("a tree model with several outputs")
    forest, values = _sklearn_trees(trees)
    leaf_values = values[:, 0, 0]
    return lambda x: leaf_values[forest.leaves(_as_float32(x))].mean(axis=1)


def tree_classification(model: Any) -> Predict:
    """A decision tree or random forest classifier: the mean of the trees' class fractions."""
    trees = [e.tree_ for e in getattr(model, "estimators_", [model])]
    if model.n_outputs_ != 1:
        raise NotCompilable("a tree model with several outputs")
    forest, values = _sklearn_trees(trees)
    fractions = values[:, 0, :len(model.classes_)]
    totals = fractions.sum(axis=1, keepdims=True)
    fractions = fractions / np.where(totals == 0, 1.0, totals)
    return lambda x: fractions[forest.leaves(_as_float32(x))].mean(axis=1)


def _boosting(model: Any) -> tuple[Forest, np.ndarray, list[np.ndarray]]:
    """A gradient boosting model's trees, their leaf values, and the trees of each output (class) column."""
    if getattr(model, "_preprocessor", None) is not None or getattr(model, "is_categorical_", None) is not None:
        raise NotCompilable("gradient boosting with categorical features")
    predictors = [p for iteration in model._predictors for p in iteration]
    if any(p.nodes["is_categorical"].any() for p in predictors):
        raise NotCompilable("gradient boosting with categorical splits")
    tables = [{"feature": p.nodes["feature_idx"], "threshold": p.nodes["num_threshold"],
               "missing_left": p.nodes["missing_go_to_left"], "left": p.nodes["left"], "right": p.nodes["right"],
               "is_leaf": p.nodes["is_leaf"]} for p in predictors]
    forest = _forest(tables)
    per_class = model.n_trees_per_iteration_
    columns = [np.arange(k, len(predictors), per_class) for k in range(per_class)]
    return forest, np.concatenate([p.nodes["value"] for p in predictors]), columns


def _raw(model: Any) -> Predict:
    """The summed leaf values per output column, from the baseline."""
    forest, values, columns = _boosting(model)
    baseline = np.asarray(model._baseline_prediction, dtype=np.float64).reshape(-1)

    def raw(x: np.ndarray) -> np.ndarray:
        leaves = values[forest.leaves(x)]
        return np.column_stack([baseline[k] + leaves[:, trees].sum(axis=1) for k, trees in enumerate(columns)])

    return raw


def boosting_regression(model: HistGradientBoostingRegressor) -> Predict:
    if model.loss != "squared_error":
        raise NotCompilable(f'gradient boosting with the "{model.loss}" loss')
    raw = _raw(model)
    return lambda x: raw(x)[:, 0]


def boosting_classification(model: HistGradientBoostingClassifier) -> Predict:
    raw = _raw(model)
    if model.n_trees_per_iteration_ > 1:
        return lambda x: softmax(raw(x), axis=1)

    def binary(x: np.ndarray) -> np.ndarray:
        positive = expit(raw(x)[:, 0])
        return np.column_stack([1 - positive, positive])

    return binary


ESTIMATORS: dict[type, Callable[[Any], Predict]] = {
    DecisionTreeRegressor: tree_regression, RandomForestRegressor: tree_regression,
    DecisionTreeClassifier: tree_classification, RandomForestClassifier: tree_classification,
    HistGradientBoostingRegressor: boosting_regression, HistGradientBoostingClassifier: boosting_classification,
}
