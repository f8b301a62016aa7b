"""Partition and Sample's design-time side: the mode's parameters checked against the input's schema.

Its run (`_partition_and_sample_run`) has one function per mode (folds assigned with scikit-learn)."""
from __future__ import annotations

import math

from nodes import errors
from nodes.columns import single_column
from nodes.components.transformation.partition_and_sample import (
    ASSIGN,
    CUSTOM_KEY,
    CUSTOM_STRATIFIED,
    DATASET,
    EVENLY,
    FOLDS,
    KEY,
    METHOD,
    MODE,
    OUTPUT,
    PICK,
    PROPORTIONS,
    SAMPLING_KEY,
    SAMPLING_STRATIFIED,
    STRATIFIED,
)
from nodes.context import DesignContext
from nodes.folds import FOLD_NUMBER, has_folds
from nodes.params import Params
from nodes.schema import TableSchema


def proportions(params: Params) -> list[float]:
    if params[METHOD] == EVENLY:
        return [1.0] * params[FOLDS]
    try:
        values = [float(p) for p in params[PROPORTIONS].split(",") if p.strip()]
    except ValueError:
        raise errors.parameter_parsing(PROPORTIONS, params[PROPORTIONS], "list of proportions") from None
    if not values or any(not math.isfinite(v) or v <= 0 for v in values):
        raise errors.parameter_parsing(PROPORTIONS, params[PROPORTIONS], "list of positive proportions")
    return values


def stratification_key(schema: TableSchema, params: Params) -> str | None:
    """The key column of the mode's stratified split, when it is on."""
    for switch, key in ((STRATIFIED, KEY), (CUSTOM_STRATIFIED, CUSTOM_KEY), (SAMPLING_STRATIFIED, SAMPLING_KEY)):
        if params[switch] == "True":
            return single_column(params[key], schema, key)
    return None


def output_schema(schema: TableSchema, params: Params) -> TableSchema:
    """The input's schema, with the Fold column after Assign to Folds; checks the parameters against it."""
    mode = params[MODE]
    stratification_key(schema, params)  # checks the key column
    if mode == ASSIGN:
        proportions(params)
        return schema.append(FOLD_NUMBER)
    if mode == PICK and not has_folds(schema):
        raise errors.invalid_dataset(f'"{DATASET}" has no fold assignment: connect the output of Partition and '
                                     f'Sample in mode "{ASSIGN}".', port=DATASET)
    return schema


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    return {OUTPUT: None if schema is None else output_schema(schema, params)}
