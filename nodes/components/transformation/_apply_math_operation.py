"""Apply Math Operation's design-time side: which function of which columns (and second argument) gives which
result column.

Its run (`_apply_math_operation_run`) computes the values through NumPy / SciPy."""
from __future__ import annotations

from dataclasses import dataclass

from nodes import errors
from nodes.column_names import deduplicated
from nodes.columns import numeric_only, some_columns
from nodes.components.transformation.apply_math_operation import BINARY as TAKES_TWO
from nodes.components.transformation.apply_math_operation import (
    CATEGORY,
    COLUMN_SET,
    COLUMNS,
    COMPARISONS,
    FUNCTIONS,
    INPUT,
    OUTPUT,
    OUTPUT_MODE,
    SECOND_COLUMNS,
    SECOND_CONSTANT,
    SECOND_TYPE,
)
from nodes.context import DesignContext
from nodes.output_mode import INPLACE, combined_schema
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema


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
