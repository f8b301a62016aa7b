"""Filter Based Feature Selection's design-time side: the target and the candidate columns.

Its run (`_filter_based_feature_selection_run`) scores them with SciPy and scikit-learn."""
from __future__ import annotations

from nodes import errors
from nodes.columns import some_columns
from nodes.components.feature_selection.filter_based_feature_selection import (
    CORRELATIONS,
    COUNT,
    DATASET,
    DESIRED,
    FEATURE,
    FEATURES,
    FEATURES_ONLY,
    FILTERED,
    METHOD,
    SCORE,
    TARGET,
)
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, Role, TableSchema

SCORES = TableSchema((Column(FEATURE, ColumnType.STRING), Column(SCORE, ColumnType.DOUBLE)))


def numeric(column: Column) -> bool:
    return column.type.numeric or column.type is ColumnType.BOOLEAN


def target_of(schema: TableSchema, params: Params) -> str | None:
    """The one target column (none for CountBased); a number for the correlations."""
    if params[METHOD] == COUNT:
        return None
    names = some_columns(params[TARGET], schema, TARGET)
    if len(names) != 1:
        raise errors.bad_number_of_columns(TARGET, len(names))
    if params[METHOD] in CORRELATIONS and not numeric(schema[names[0]]):
        raise errors.invalid_column_type(names[0], "Numeric", TARGET)
    return names[0]


def candidates(schema: TableSchema, params: Params, target: str | None) -> list[str]:
    """The columns to score: features (or all columns) but the target; numeric ones for the correlations."""
    names = [c.name for c in schema.columns if c.name != target
             and (not params[FEATURES_ONLY] or c.role is Role.FEATURE)
             and (params[METHOD] not in CORRELATIONS or numeric(c))]
    if not names:
        kind = "numeric feature" if params[METHOD] in CORRELATIONS else "feature"
        raise errors.ComponentError(20, "TooFewColumns", f'"{DATASET}" has no {kind} column to score.', port=DATASET)
    return names


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """Which features win depends on the data, unless all of them are kept."""
    schema = inputs.get(DATASET)
    if schema is None:
        return {FILTERED: None, FEATURES: SCORES}
    target = target_of(schema, params)
    names = candidates(schema, params, target)
    everything = params[DESIRED] >= len(names) and params[METHOD] != COUNT
    kept = set(names) | {target}
    return {FILTERED: schema.select([n for n in schema.names if n in kept]) if everything else None,
            FEATURES: SCORES}
