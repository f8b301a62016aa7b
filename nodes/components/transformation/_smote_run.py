"""SMOTE's implementation: imbalanced-learn's SMOTE (SMOTENC / SMOTEN with categorical features) on the minority
class; synthetic values of integer columns rounded so that the schema stays."""
from __future__ import annotations

import math

import pandas as pd
from imblearn.over_sampling import SMOTE, SMOTEN, SMOTENC

from nodes import errors
from nodes.components.transformation._smote import features
from nodes.components.transformation.smote import NEIGHBORS, OUTPUT, PERCENTAGE, SAMPLES, SEED
from nodes.context import RunContext
from nodes.conversion import conform
from nodes.features import is_numeric
from nodes.params import Params
from nodes.table import ColumnType, Table, TableSchema


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[SAMPLES]
    label, names = features(table.schema, params)
    frame = table.frame.reset_index(drop=True)
    for name in [label, *names]:
        if frame[name].isna().any():
            raise errors.invalid_dataset(f'Column "{name}" has missing values; SMOTE needs complete rows '
                                         "(clean them first with Clean Missing Data).", port=SAMPLES)
    counts = frame[label].value_counts().sort_index(kind="stable")
    if params[PERCENTAGE] == 0 or frame.empty:
        return {OUTPUT: table.with_frame(frame)}
    if len(counts) < 2:
        raise errors.invalid_dataset(f'Label column "{label}" has one class; SMOTE needs at least two.', port=SAMPLES)
    minority = counts.idxmin()
    k = params[NEIGHBORS]
    if counts[minority] <= k:
        raise errors.too_few_rows(SAMPLES, int(counts[minority]), k + 1)
    target = int(counts[minority]) * (1 + math.ceil(params[PERCENTAGE] / 100))
    x, y = frame[names], frame[label].astype(object)
    resampled, _ = sampler(table.schema, names, {minority: target}, k, params[SEED]).fit_resample(x, y)
    new = resampled.iloc[len(frame):].assign(**{label: minority})
    out = pd.concat([frame, new[frame.columns]], ignore_index=True)
    out = pd.DataFrame({c.name: conform(_rounded(out[c.name], c.type), c) for c in table.schema.columns})
    return {OUTPUT: table.with_frame(out)}


def sampler(schema: TableSchema, names: list[str], strategy: dict, k: int, seed: int):
    """SMOTE on numeric features, SMOTEN on categorical ones, SMOTENC on a mix."""
    categorical = [i for i, name in enumerate(names) if not is_numeric(schema[name])]
    if not categorical:
        return SMOTE(sampling_strategy=strategy, k_neighbors=k, random_state=seed)
    if len(categorical) == len(names):
        return SMOTEN(sampling_strategy=strategy, k_neighbors=k, random_state=seed)
    return SMOTENC(categorical, sampling_strategy=strategy, k_neighbors=k, random_state=seed)


def _rounded(series: pd.Series, type_: ColumnType) -> pd.Series:
    if type_ is ColumnType.INTEGER and pd.api.types.is_float_dtype(series.dtype):
        return series.round()
    return series
