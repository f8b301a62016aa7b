"""Clean Missing Data's design-time side: the picked columns checked against the mode, and what the cleaner
fills, flags and drops.

Its run (`_clean_missing_data_run`) fits and applies the cleaner with pandas; a custom substitution value is
checked by converting it with pandas, which validation then loads."""
from __future__ import annotations

from nodes import errors
from nodes.columns import numeric_only, some_columns
from nodes.components.transformation.clean_missing_data import (
    CLEANED,
    CLEANING_MODE,
    COLUMNS,
    CUSTOM,
    DATASET,
    INDICATOR,
    MAX_RATIO,
    MEAN,
    MEDIAN,
    MIN_RATIO,
    NAME,
    REMOVE_COLUMN,
    REPLACE_MODES,
    REPLACEMENT,
    TRANSFORM,
)
from nodes.context import DesignContext
from nodes.lazy import Lazy
from nodes.model_schemas import TransformSchema
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema

_convert_value = Lazy("nodes.conversion", "convert_value")  # pandas converts: loaded for a custom value only


def selected(schema: TableSchema, params: Params) -> list[str]:
    """The columns to clean, checked against the mode: numbers for mean and median, convertible custom values."""
    names = some_columns(params[COLUMNS], schema, COLUMNS)
    if params[MIN_RATIO] > params[MAX_RATIO]:
        raise errors.out_of_range(MIN_RATIO, params[MIN_RATIO], 0.0, params[MAX_RATIO])
    mode = params[CLEANING_MODE]
    if mode == MEAN:
        numeric_only(names, schema, COLUMNS)
    for name in names:
        if mode == MEDIAN and not schema[name].type.numeric:
            raise errors.invalid_column_type(name, "Numeric", COLUMNS)
        if mode == CUSTOM:
            _convert_value(params[REPLACEMENT], schema[name])
    return names


def cleaned(names: list[str], params: Params, dropped: tuple[str, ...] = ()) -> tuple[list[str], list[tuple[str, str]]]:
    """The columns filled, and the (indicator, source) pairs, of the picked columns not dropped."""
    kept = [n for n in names if n not in dropped]
    filled = kept if params[CLEANING_MODE] in REPLACE_MODES else []
    return filled, [(f"{n}_isMissing", n) for n in kept if params[INDICATOR]]


def transform_schema(schema: TableSchema, names: list[str], params: Params,
                     dropped: tuple[str, ...] = ()) -> TransformSchema:
    """The cleaner as configure sees it: the filled columns keep their type, the indicators are Boolean."""
    filled, flags = cleaned(names, params, dropped)
    produces = tuple(schema[n] for n in filled) + tuple(Column(f, ColumnType.BOOLEAN) for f, _ in flags)
    return TransformSchema(NAME, tuple(names), produces, dropped)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """Which columns Remove entire column drops depends on the data, so that mode's schemas are unknown."""
    schema = inputs.get(DATASET)
    if schema is None:
        return {CLEANED: None, TRANSFORM: None}
    names = selected(schema, params)
    if params[CLEANING_MODE] == REMOVE_COLUMN:
        return {CLEANED: None, TRANSFORM: None}
    transform = transform_schema(schema, names, params)
    return {CLEANED: transform.apply(schema), TRANSFORM: transform}
