"""An untrained model: a learner's estimator for any point of its parameter grid, fitted behind feature preparation."""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from nodes import errors
from nodes.features import check_levels, feature_columns
from nodes.lazy import Lazy
from nodes.models import LearnerSchema, Task, TrainedModel
from nodes.params import Params
from nodes.preparation import preprocessor
from nodes.table import Column, Table

Build = Callable[[Params], Any]


def label_values(series: pd.Series, task: Task) -> np.ndarray:
    """The label as scikit-learn's target: floats for regression, plain values (not categories) otherwise."""
    if task.regression:
        return series.astype(float).to_numpy()
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(series.cat.categories.dtype)
    return series.to_numpy()


@dataclass(frozen=True)
class Learner:
    """What flows along an Untrained model port.

    `build(params)` makes the unfitted scikit-learn estimator for resolved parameters; it is a module-level
    function (or a `Lazy` one), so the learner pickles. `params` are the learner's resolved parameters; `grid` lists
    the values of each tunable parameter (its range in ParameterRange mode), and `at(point)` is the learner at one
    grid point. `scaler` (a name of `nodes.preparation.SCALERS`, or None) and `allow_unknown_levels` shape the
    feature preparation `fit` puts before the estimator.
    """

    name: str
    task: Task
    build: Build
    params: Params = field(default_factory=Params)
    scaler: str | None = None
    allow_unknown_levels: bool = True

    @property
    def schema(self) -> LearnerSchema:
        return LearnerSchema(self.name, self.task)

    @property
    def estimator(self) -> Any:
        """A new unfitted estimator for the current parameter values."""
        return self.build(self.params)

    @property
    def grid(self) -> dict[str, list]:
        return self.params.grid

    def at(self, point: Mapping[str, Any]) -> Learner:
        """This learner with each tunable parameter named in `point` fixed to the given value."""
        return replace(self, params=self.params.at(point))

    def fit(self, table: Table, label: str | None, features: list[Column] | None = None) -> TrainedModel:
        """A model of the `features` of `table` (by default every column but the label and the columns marked as
        label, score or weight) predicting `label`, which every row has; None for clustering and anomaly detection.

        Errors: 0020 no feature column, 0017 a date or time feature, 0014 a text column with too many values,
        1000 the library refused the data.
        """
        schema, frame = table.schema, table.frame
        features = feature_columns(schema, label) if features is None else features
        check_levels(frame, features)
        prepare = preprocessor(features, scaler=self.scaler, allow_unknown_levels=self.allow_unknown_levels)
        model = self.estimator
        steps = model.steps if isinstance(model, Pipeline) else [("model", model)]  # the model is the last step
        pipeline = Pipeline([("features", prepare), *steps])
        target = label_values(frame[label], self.task) if self.task.supervised else None
        try:
            pipeline.fit(frame[[c.name for c in features]], target)
        except ValueError as error:
            raise errors.library_exception(error) from error
        label_type = schema[label].type if label else None
        return TrainedModel(self.name, self.task, label or "", features, pipeline, fitted_classes(pipeline, self.task),
                            label_type)


def fitted_classes(pipeline: Pipeline, task: Task) -> list:
    """The classes of a fitted classifier, [0, 1] for anomaly detection, the cluster numbers, or the quantiles."""
    if task.classification:
        return pipeline.classes_.tolist()
    if task is Task.ANOMALY_DETECTION:
        return [0, 1]
    if task is Task.CLUSTERING:
        return list(range(len(pipeline[-1].cluster_centers_)))
    if task is Task.QUANTILE_REGRESSION:
        return list(pipeline[-1].quantiles)
    return []


def untrained(name: str, task: Task, implementation: str, estimator: str, params: Params,
              unknown_levels: str | None) -> Learner:
    """The learner a component outputs for resolved `params`: the function `estimator` of the module
    `implementation` builds the scikit-learn estimator, and the module's optional `scaler(params)` names the
    normaliser of numeric features; `unknown_levels` is the component's "Allow unknown ..." flag (None: allowed)."""
    module = importlib.import_module(implementation)
    scaler = module.scaler(params) if hasattr(module, "scaler") else None
    allow = params[unknown_levels] if unknown_levels else True
    learner = Learner(name, task, Lazy(implementation, estimator), params, scaler, allow)
    learner.estimator  # noqa: B018 -- a parameter the estimator cannot take fails here, at the learner's node
    return learner
