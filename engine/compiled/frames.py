"""Tables to compiled column arrays and back, with the dtypes the general path gives each column type."""
from __future__ import annotations

import numpy as np
import pandas as pd

from engine.compiled.arrays import canonical
from engine.compiled.kernel import Arrays
from nodes.schema import Column, ColumnType, Role, TableSchema
from nodes.table import Table


def table_arrays(table: Table) -> Arrays:
    """The table's columns in the compiled form."""
    return {c.name: canonical(_values(table.frame[c.name], c), c.type) for c in table.schema.columns}


def arrays_table(columns: Arrays, schema: TableSchema) -> Table:
    """A table of `schema` (types, categorical flags, roles) holding `columns`."""
    frame = pd.DataFrame({c.name: _series(columns[c.name], c) for c in schema.columns})
    return Table(frame, {c.name: c.role for c in schema.columns if c.role is not Role.FEATURE})


def _values(series: pd.Series, column: Column) -> np.ndarray:
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.astype(object).to_numpy()
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iufb":
        return series.to_numpy()
    if column.type.numeric:
        return series.to_numpy(dtype=np.float64, na_value=np.nan)
    return series.to_numpy(dtype=object, na_value=None)


def _series(values: np.ndarray, column: Column) -> pd.Series:
    if column.type is ColumnType.STRING:
        series = pd.Series(values, dtype="str")
    elif values.dtype.kind == "O" or column.type is ColumnType.INTEGER and values.dtype.kind == "f":
        series = pd.Series(values, dtype="Int64" if column.type is ColumnType.INTEGER else "boolean")
    else:
        series = pd.Series(values)
    return series.astype("category") if column.categorical else series
