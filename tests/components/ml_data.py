"""Small data sets and call helpers for the machine-learning component tests."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression

from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.table import Table


def ml_params(component: Component, **values: Any):
    params, problems = component.resolve_params(values)
    assert not problems, problems
    return params


def ml_run(component: Component, inputs: dict, ctx: RunContext | None = None, **values: Any) -> dict:
    return component.run(ctx or RunContext(), inputs, ml_params(component, **values))


def ml_configure(component: Component, schemas: dict, **values: Any) -> dict:
    return component.configure(DesignContext(), schemas, ml_params(component, **values))


def plain_logistic(params: Params) -> LogisticRegression:
    """A learner's build function for scikit-learn's default logistic regression."""
    return LogisticRegression()


def ml_frame(rows: int = 60, seed: int = 0) -> pd.DataFrame:
    """Numeric, string and categorical features with gaps, a numeric target `y` and a two-class target `cls`."""
    rng = np.random.default_rng(seed)
    x1 = rng.normal(size=rows)
    x2 = rng.uniform(0, 10, size=rows)
    colour = rng.choice(["red", "green", "blue"], size=rows)
    size = rng.choice(["S", "M", "L"], size=rows)
    y = 3 * x1 - 0.5 * x2 + (colour == "red") * 2.0 + rng.normal(scale=0.1, size=rows)
    frame = pd.DataFrame({"x1": x1, "x2": x2, "colour": colour, "size": pd.Categorical(size), "y": y,
                          "cls": np.where(y > np.median(y), "high", "low")})
    frame.loc[[3, 7], "x1"] = np.nan
    frame.loc[[5], "colour"] = None
    frame.loc[[9], "size"] = np.nan
    return frame


def ml_table(rows: int = 60, seed: int = 0) -> Table:
    return Table(ml_frame(rows, seed))


def ml_encoded(frame: pd.DataFrame, means: pd.Series, modes: dict, levels: dict) -> np.ndarray:
    """The features of `ml_frame` encoded by hand: mean-imputed numbers, then one-hot colour and size."""
    numbers = frame[["x1", "x2"]].fillna(means).to_numpy()
    hot = [np.column_stack([frame[c].astype(object).fillna(modes[c]).to_numpy() == level for level in levels[c]])
           for c in ("colour", "size")]
    return np.column_stack([numbers, *hot]).astype(float)


def ml_manual_features(train: pd.DataFrame, test: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Train and test feature matrices built without the components' preprocessing."""
    means = train[["x1", "x2"]].mean()
    modes = {c: train[c].astype(object).mode()[0] for c in ("colour", "size")}
    levels = {c: sorted(train[c].astype(object).fillna(modes[c]).unique()) for c in ("colour", "size")}
    return ml_encoded(train, means, modes, levels), ml_encoded(test, means, modes, levels)


def ml_breast_cancer() -> pd.DataFrame:
    frame = load_breast_cancer(as_frame=True).frame
    frame["target"] = np.where(frame["target"] == 1, "benign", "malignant")
    return frame
