"""Partition and Sample's implementation: one function per mode."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from nodes import errors
from nodes.components.transformation._fold_assignment import assign_folds
from nodes.components.transformation._partition_and_sample import output_schema, proportions, stratification_key
from nodes.components.transformation.partition_and_sample import (
    COMPLEMENT,
    DATASET,
    FOLD,
    HEAD,
    MODE,
    OUTPUT,
    PICK,
    RANDOMIZED,
    RATE,
    REPLACEMENT,
    ROWS,
    SAMPLING,
    SAMPLING_SEED,
    SEED,
)
from nodes.context import RunContext
from nodes.folds import FOLD_COLUMN, FOLD_NUMBER
from nodes.params import Params
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[DATASET]
    output_schema(table.schema, params)
    frame, key = table.frame, stratification_key(table.schema, params)
    mode = params[MODE]
    if mode == HEAD:
        return {OUTPUT: table.with_frame(frame.head(params[ROWS]).reset_index(drop=True))}
    if mode == SAMPLING:
        return {OUTPUT: table.with_frame(sample(frame, params[RATE], params[SAMPLING_SEED], key))}
    if mode == PICK:
        return {OUTPUT: table.with_frame(pick(frame, params[FOLD], params[COMPLEMENT]))}
    rows, folds = folds_of(frame, params, key)
    assigned = frame.iloc[rows].reset_index(drop=True).assign(**{FOLD_COLUMN: folds.astype(np.int64)})
    return {OUTPUT: table.with_frame(assigned).with_roles(**{FOLD_COLUMN: FOLD_NUMBER.role})}


def sample(frame: pd.DataFrame, rate: float, seed: int, key: str | None) -> pd.DataFrame:
    """The rows `DataFrame.sample(frac=rate, random_state=seed)` draws (per stratum when stratified), in order."""
    if key is None:
        drawn = frame.sample(frac=rate, random_state=seed)
    else:
        drawn = frame.groupby(key, dropna=False, observed=True).sample(frac=rate, random_state=seed)
    return frame.loc[frame.index.isin(drawn.index)].reset_index(drop=True)


def pick(frame: pd.DataFrame, fold: int, complement: bool) -> pd.DataFrame:
    present = int(frame[FOLD_COLUMN].max()) if len(frame) else 0
    if fold > present:
        raise errors.out_of_range(FOLD, fold, 1, present)
    chosen = (frame[FOLD_COLUMN] == fold).to_numpy()
    return frame[~chosen if complement else chosen].reset_index(drop=True)


def folds_of(frame: pd.DataFrame, params: Params, key: str | None) -> tuple[np.ndarray, np.ndarray]:
    shares = proportions(params)
    if len(frame) < len(shares) and not params[REPLACEMENT]:
        raise errors.too_few_rows(DATASET, len(frame), len(shares))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a stratum smaller than the number of folds
        try:
            return assign_folds(len(frame), shares, params[RANDOMIZED], params[SEED],
                                None if key is None else frame[key], params[REPLACEMENT])
        except ValueError as error:
            raise errors.ComponentError(21, "TooFewRows", f"Cannot assign folds: {error}", port=DATASET) from error
