"""Permutation Feature Importance: scikit-learn's permutation importance with the designer's metric as scorer."""
from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
from joblib import parallel_config
from sklearn.inspection import permutation_importance

from nodes import errors, evaluation
from nodes.components.scoring._permutation_feature_importance import FEATURE, SCORE, check
from nodes.components.scoring.permutation_feature_importance import (
    CLASSIFICATION_METRICS,
    DATASET,
    METRIC,
    MODEL,
    OUTPUT,
    SEED,
)
from nodes.context import RunContext
from nodes.metric_names import LOWER_IS_BETTER
from nodes.models import TrainedModel
from nodes.params import Params
from nodes.table import Table


def metric_key(metric: str) -> str:
    """The name `evaluation.score_metrics` gives the chosen metric."""
    return metric if metric in CLASSIFICATION_METRICS else metric.replace(" ", "_")


def score(metric: str, model: TrainedModel, pipeline: object, x: pd.DataFrame, y: np.ndarray) -> float:
    """The metric of `model` on `x`, negated for an error so that greater is always better (a scikit-learn scorer
    of the model's `pipeline`)."""
    key = metric_key(metric)
    value = evaluation.score_metrics(model.task, y, model.score(x), model.classes)[key]
    return -value if key in LOWER_IS_BETTER else value


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    model: TrainedModel = inputs[MODEL]
    table: Table = inputs[DATASET]
    check(model.schema, table.schema, params[METRIC])
    frame = table.frame[table.frame[model.label].notna()]
    if frame.empty:
        raise errors.too_few_rows(DATASET, 0, 1)
    features = [c.name for c in model.features]
    ctx.progress(0.05, "Permuting features")
    try:
        with parallel_config(prefer="threads"):  # a backend of an enclosing parallel_config still wins
            found = permutation_importance(model.pipeline, frame[features], frame[model.label].to_numpy(),
                                           scoring=partial(score, params[METRIC], model), n_repeats=1,
                                           random_state=params[SEED], n_jobs=-1)
    except ValueError as error:
        raise errors.library_exception(error) from error
    result = pd.DataFrame({FEATURE: pd.Series(features, dtype="string"), SCORE: found.importances_mean})
    ctx.progress(1.0)
    return {OUTPUT: Table(result.sort_values(SCORE, ascending=False, kind="stable").reset_index(drop=True))}
