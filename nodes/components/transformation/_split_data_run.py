"""Split Data's implementation: the parsed expression or the fraction's rows decide each row's output."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nodes.components.transformation._split_data import expression, stratification_key
from nodes.components.transformation._split_expression import OPERATORS, Regular, Relational
from nodes.components.transformation._split_rows import split_rows
from nodes.components.transformation.split_data import DATASET, FIRST, FRACTION, RANDOMIZED, SECOND, SEED
from nodes.context import RunContext
from nodes.conversion import set_categorical
from nodes.params import Params
from nodes.table import Table


def matches(matcher: Relational | Regular, frame: pd.DataFrame) -> pd.Series:
    """The rows the expression matches; a missing value matches no condition."""
    if isinstance(matcher, Regular):
        return frame[matcher.column].map(
            lambda v: not pd.isna(v) and matcher.pattern.search(str(v)) is not None).astype(bool)
    mask = pd.Series(False, index=frame.index)
    for group in matcher.groups:
        both = pd.Series(True, index=frame.index)
        for c in group:
            values = set_categorical(frame[c.column], False)
            both &= (OPERATORS[c.op](values, c.value) & values.notna()).fillna(False).astype(bool)
        mask |= both
    return mask


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[DATASET]
    frame = table.frame
    matcher = expression(table.schema, params)
    if matcher is None:
        key = stratification_key(table.schema, params)
        first = split_rows(len(frame), params[FRACTION], params[RANDOMIZED], params[SEED],
                           None if key is None else frame[key])
    else:
        first = matches(matcher, frame).to_numpy()
    return {FIRST: table.with_frame(frame[first].reset_index(drop=True)),
            SECOND: table.with_frame(frame[np.logical_not(first)].reset_index(drop=True))}
