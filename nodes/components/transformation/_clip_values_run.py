"""Clip Values' implementation: thresholds and substitutes per column, then the clipped columns in place or
appended, then the indicator columns."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nodes.components.transformation._clip_values import layout
from nodes.components.transformation.clip_values import (
    BOTH,
    INPUT,
    LOWER_CONSTANT,
    LOWER_PERCENTILE,
    OUTPUT,
    OVERWRITE,
    PEAK_SUBSTITUTE,
    PEAKS,
    PERCENTILE,
    SET,
    SUBPEAK_SUBSTITUTE,
    SUBPEAKS,
    THRESHOLD,
    UPPER_CONSTANT,
    UPPER_PERCENTILE,
)
from nodes.context import RunContext
from nodes.output_columns import combined_table
from nodes.output_mode import APPEND, INPLACE
from nodes.params import Params
from nodes.table import Table


def clip(series: pd.Series, params: Params) -> tuple[pd.Series, pd.Series]:
    """The clipped column as doubles, and where it was clipped."""
    values = series.astype("float64")
    percentile = params[THRESHOLD] == PERCENTILE
    out, flags = values.copy(), pd.Series(False, index=values.index)
    sides = []
    if params[SET] in (PEAKS, BOTH):
        upper = values.quantile(params[UPPER_PERCENTILE] / 100) if percentile else params[UPPER_CONSTANT]
        sides.append((values > upper, upper, params[PEAK_SUBSTITUTE]))
    if params[SET] in (SUBPEAKS, BOTH):
        lower = values.quantile(params[LOWER_PERCENTILE] / 100) if percentile else params[LOWER_CONSTANT]
        sides.append((values < lower, lower, params[SUBPEAK_SUBSTITUTE]))
    for beyond, threshold, substitute in sides:
        value = {"Threshold": threshold, "Mean": values.mean(), "Median": values.median(), "Missing": np.nan}[
            substitute]
        out = out.mask(beyond, value)
        flags |= beyond
    return out, flags


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[INPUT]
    clipped, flags = layout(table.schema, params)
    results, indicators = [], []
    for (source, column), flag in zip(clipped, flags or [None] * len(clipped)):
        ctx.check_cancelled()
        values, changed = clip(table.frame[source], params)
        results.append((source, column, values))
        if flag is not None:
            indicators.append((source, flag[1], changed))
    out = combined_table(table, results, INPLACE if params[OVERWRITE] else APPEND)
    return {OUTPUT: combined_table(out, indicators, APPEND)}
