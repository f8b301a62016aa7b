"""Apply Math Operation's implementation: which function of which columns (and second argument) gives which
result column, then the values through NumPy / SciPy, laid out by the output mode."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from nodes import errors
from nodes.column_names import deduplicated
from nodes.columns import numeric_only, some_columns
from nodes.components.transformation._math_functions import BINARY, COMPARISONS, UNARY
from nodes.components.transformation.apply_math_operation import (
    BINARY as TAKES_TWO,
)
from nodes.components.transformation.apply_math_operation import (
    CATEGORY,
    COLUMN_SET,
    COLUMNS,
    FUNCTIONS,
    INPUT,
    OUTPUT,
    OUTPUT_MODE,
    SECOND_COLUMNS,
    SECOND_CONSTANT,
    SECOND_TYPE,
)
from nodes.context import DesignContext, RunContext
from nodes.output_columns import combined_table
from nodes.output_mode import INPLACE, combined_schema
from nodes.params import Params
from nodes.table import Column, ColumnType, Role, Table, TableSchema


@dataclass(frozen=True)
class Operation:
    """One result column: `function` of column `source` and, for a binary function, `second` (a constant or the
    name of a second column)."""

    function: str
    source: str
    second: float | str | None
    column: Column


def operations(schema: TableSchema, params: Params) -> list[Operation]:
    function = params[FUNCTIONS[params[CATEGORY]][0]]
    names = numeric_only(some_columns(params[COLUMNS], schema, COLUMNS), schema, COLUMNS)
    seconds: list = [None] * len(names)
    if function in TAKES_TWO:
        if params[SECOND_TYPE] == COLUMN_SET:
            others = numeric_only(some_columns(params[SECOND_COLUMNS], schema, SECOND_COLUMNS), schema, SECOND_COLUMNS)
            if len(others) not in (1, len(names)):
                raise errors.bad_number_of_columns(SECOND_COLUMNS, len(others), len(names))
            seconds = others * len(names) if len(others) == 1 else others
        else:
            seconds = [params[SECOND_CONSTANT]] * len(names)
    type_ = ColumnType.BOOLEAN if function in COMPARISONS else ColumnType.DOUBLE
    inplace = params[OUTPUT_MODE] == INPLACE
    labels = [f"{function}({n})" if s is None else f"{function}({n}_{s:g})" if isinstance(s, float)
              else f"{function}({n}_{s})" for n, s in zip(names, seconds)]
    out = names if inplace else deduplicated(schema.names, labels)
    return [Operation(function, n, s, Column(o, type_, role=schema[n].role if inplace else Role.FEATURE))
            for n, s, o in zip(names, seconds, out)]


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(INPUT)
    if schema is None:
        return {OUTPUT: None}
    return {OUTPUT: combined_schema(schema, [(o.source, o.column) for o in operations(schema, params)],
                                    params[OUTPUT_MODE])}


def numbers(series: pd.Series) -> np.ndarray:
    return series.astype("float64").to_numpy(na_value=np.nan) if len(series) else np.zeros(0)


def compute(operation: Operation, frame: pd.DataFrame) -> pd.Series:
    x = numbers(frame[operation.source])
    y = numbers(frame[operation.second]) if isinstance(operation.second, str) else np.full(len(x), operation.second)
    with np.errstate(all="ignore"):
        if operation.function in COMPARISONS:
            values = pd.array(COMPARISONS[operation.function](x, y), dtype="boolean")
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
