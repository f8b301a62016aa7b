"""Apply Math Operation's implementation: the values of each result column through NumPy / SciPy, laid out by the
output mode."""
from __future__ import annotations

import numpy as np
import pandas as pd

from nodes.components.transformation._apply_math_operation import Operation, operations
from nodes.components.transformation._math_functions import BINARY, COMPARE, UNARY
from nodes.components.transformation.apply_math_operation import INPUT, OUTPUT, OUTPUT_MODE
from nodes.context import RunContext
from nodes.output_columns import combined_table
from nodes.params import Params
from nodes.table import Table


def numbers(series: pd.Series) -> np.ndarray:
    return series.astype("float64").to_numpy(na_value=np.nan) if len(series) else np.zeros(0)


def compute(operation: Operation, frame: pd.DataFrame) -> pd.Series:
    x = numbers(frame[operation.source])
    y = numbers(frame[operation.second]) if isinstance(operation.second, str) else np.full(len(x), operation.second)
    with np.errstate(all="ignore"):
        if operation.function in COMPARE:
            values = pd.array(COMPARE[operation.function](x, y), dtype="boolean")
            values[np.isnan(x) | np.isnan(y)] = pd.NA
            return pd.Series(values, index=frame.index)
        result = BINARY[operation.function](x, y) if operation.second is not None else UNARY[operation.function](x)
    return pd.Series(np.asarray(result, dtype="float64"), index=frame.index)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table: Table = inputs[INPUT]
    results = []
    for operation in operations(table.schema, params):
        ctx.check_cancelled()
        results.append((operation.source, operation.column, compute(operation, table.frame)))
    return {OUTPUT: combined_table(table, results, params[OUTPUT_MODE])}
