"""An untrained model: a learner's estimator for any point of its parameter grid, fitted behind feature preparation."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from nodes import errors
from nodes.features import check_levels, feature_columns
from nodes.models import LearnerSchema, Task, TrainedModel
from nodes.params import Params
from nodes.preparation import preprocessor
from nodes.table import Table

Build = Callable[[Params], Any]


def label_values(series: pd.Series, task: Task) -> np.ndarray:
    """The label as scikit-learn's target: floats for regression, plain values (not categories) otherwise."""
    if task is Task.REGRESSION:
        return series.astype(float).to_numpy()
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(series.cat.categories.dtype)
    return series.to_numpy()


@dataclass(frozen=True)
class Learner:
    """What flows along an Untrained model port.

    `build(params)` makes the unfitted scikit-learn estimator for resolved parameters; it is a module-level
    function, so the learner pickles. `params` are the learner's resolved parameters; `grid` lists the values of
    each tunable parameter (its range in ParameterRange mode), and `at(point)` is the learner at one grid point.
    `scale_numeric` and `allow_unknown_levels` shape the feature preparation `fit` puts before the estimator.
    """

    name: str
    task: Task
    build: Build
    params: Params = field(default_factory=Params)
    scale_numeric: bool = False
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

    def fit(self, table: Table, label: str) -> TrainedModel:
        """A model predicting `label` from the feature columns of `table`, every row of which has a label.

        Errors: 0020 no feature column, 0017 a date or time feature, 0014 a text column with too many values,
        1000 the library refused the data.
        """
        schema, frame = table.schema, table.frame
        features = feature_columns(schema, label)
        check_levels(frame, features)
        prepare = preprocessor(features, scale_numeric=self.scale_numeric,
                               allow_unknown_levels=self.allow_unknown_levels)
        pipeline = Pipeline([("features", prepare), ("model", self.estimator)])
        try:
            pipeline.fit(frame[[c.name for c in features]], label_values(frame[label], self.task))
        except ValueError as error:
            raise errors.library_exception(error) from error
        classes = pipeline.classes_.tolist() if self.task.classification else []
        return TrainedModel(self.name, self.task, label, features, pipeline, classes, schema[label].type)
