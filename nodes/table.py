"""Tables: a pandas frame plus the column roles the Azure designer keeps in its schema (label, score, weight).

The schema types (nodes.schema, free of pandas) are importable from here too."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from nodes.schema import Column, ColumnType, Role, TableSchema


def column_type_of(series: pd.Series) -> ColumnType:
    """The designer's column type of a pandas series."""
    return dtype_type(series.dtype)


def dtype_type(dtype: object) -> ColumnType:
    """The designer's column type of a pandas dtype (a categorical one: of its categories)."""
    if isinstance(dtype, pd.CategoricalDtype):
        dtype = dtype.categories.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return ColumnType.BOOLEAN
    if pd.api.types.is_integer_dtype(dtype):
        return ColumnType.INTEGER
    if pd.api.types.is_float_dtype(dtype):
        return ColumnType.DOUBLE
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return ColumnType.DATETIME
    if pd.api.types.is_timedelta64_dtype(dtype):
        return ColumnType.TIMESPAN
    return ColumnType.STRING


@dataclass(frozen=True)
class Table:
    """A data set flowing along a DataFrame port: the frame plus roles of columns that are not plain features."""

    frame: pd.DataFrame
    roles: dict[str, Role] = field(default_factory=dict)

    @property
    def schema(self) -> TableSchema:
        return TableSchema(tuple(
            Column(str(name), dtype_type(dtype), isinstance(dtype, pd.CategoricalDtype),
                   self.roles.get(str(name), Role.FEATURE))
            for name, dtype in self.frame.dtypes.items()))

    def with_frame(self, frame: pd.DataFrame) -> Table:
        """A new table over `frame`, keeping the roles of the columns that are still there."""
        kept = {name: role for name, role in self.roles.items() if name in frame.columns}
        return replace(self, frame=frame, roles=kept)

    def with_roles(self, **roles: Role) -> Table:
        merged = {**self.roles, **roles}
        return replace(self, roles={k: v for k, v in merged.items() if v is not Role.FEATURE})

    @property
    def label(self) -> str | None:
        labels = [name for name, role in self.roles.items() if role is Role.LABEL]
        return labels[0] if labels else None
