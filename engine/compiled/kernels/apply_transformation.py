"""Apply Transformation of a fitted transformation the compiler knows: a `ColumnTransform` (Clean Missing Data,
Normalize Data: rows missing a value in the fitted columns go, then each fitted column function replaces or
appends its column) or a `KeepColumns` (Select Columns Transform: the fitted columns alone)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine.compiled.arrays import missing
from engine.compiled.column_functions import compile_function
from engine.compiled.kernel import Arrays, Kernel, NotCompilable, varying
from nodes.column_transform import ColumnTransform
from nodes.components.scoring._apply_transformation import check_needs
from nodes.components.scoring.apply_transformation import DATASET, OUTPUT, TRANSFORMATION
from nodes.components.transformation._select_columns_transform import KeepColumns
from nodes.errors import ComponentError
from nodes.params import Params
from nodes.schema import TableSchema

Apply = Callable[[Arrays], Arrays]


def make(params: Params, inputs: Mapping[str, Any]) -> Kernel:
    schema = varying(inputs, DATASET)
    transform = inputs.get(TRANSFORMATION)
    maker = _TRANSFORMS.get(type(transform))
    if maker is None:
        raise NotCompilable(f"the transformation {type(transform).__name__}")
    try:
        check_needs(transform.schema.needs, schema)
    except ComponentError as error:
        raise NotCompilable(str(error)) from error
    apply = maker(transform, schema)
    return Kernel(lambda tables: {OUTPUT: apply(tables[DATASET])}, {OUTPUT: transform.schema.apply(schema)})


def _column_transform(transform: ColumnTransform, schema: TableSchema) -> Apply:
    functions = [(output, source, compile_function(function, schema[source]))
                 for output, source, function in transform.functions]
    drops, rows = set(transform.schema.drops), transform.drop_rows_missing

    def apply(columns: Arrays) -> Arrays:
        if rows:
            keep = ~np.logical_or.reduce([missing(columns[name]) for name in rows])
            if not keep.all():
                columns = {name: values[keep] for name, values in columns.items()}
        outputs = {output: function(columns[source]) for output, source, function in functions}
        result = {name: values for name, values in columns.items() if name not in drops}
        result.update(outputs)
        return result

    return apply


def _keep_columns(transform: KeepColumns, schema: TableSchema) -> Apply:
    names = list(transform.schema.needs)
    return lambda columns: {name: columns[name] for name in names}


_TRANSFORMS: dict[type, Callable[[Any, TableSchema], Apply]] = {ColumnTransform: _column_transform,
                                                               KeepColumns: _keep_columns}
