"""Tables: a pandas frame plus the column roles the Azure designer keeps in its schema (label, score, weight)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

import pandas as pd


class ColumnType(str, Enum):
    STRING = "String"
    INTEGER = "Integer"
    DOUBLE = "Double"
    BOOLEAN = "Boolean"
    DATETIME = "DateTime"
    TIMESPAN = "TimeSpan"

    @property
    def numeric(self) -> bool:
        return self in (ColumnType.INTEGER, ColumnType.DOUBLE)


class Role(str, Enum):
    FEATURE = "Feature"
    LABEL = "Label"
    SCORE = "Score"
    WEIGHT = "Weight"
    NONE = "None"  # cleared by Edit Metadata's ClearFeatures: kept in the data, never a feature


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    categorical: bool = False
    role: Role = Role.FEATURE

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type.value, "categorical": self.categorical,
                "role": self.role.value}

    @classmethod
    def from_dict(cls, d: dict) -> Column:
        return cls(d["name"], ColumnType(d["type"]), bool(d.get("categorical", False)),
                   Role(d.get("role", Role.FEATURE.value)))


def column_type_of(series: pd.Series) -> ColumnType:
    """The designer's column type of a pandas series."""
    dtype = series.dtype
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
class TableSchema:
    """What `configure` sees of a table: its columns in order, without any data."""

    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def __contains__(self, name: str) -> bool:
        return any(c.name == name for c in self.columns)

    def __getitem__(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def with_role(self, role: Role) -> list[str]:
        return [c.name for c in self.columns if c.role is role]

    def select(self, names: list[str]) -> TableSchema:
        by_name = {c.name: c for c in self.columns}
        return TableSchema(tuple(by_name[n] for n in names))

    def replace_columns(self, **changed: Column) -> TableSchema:
        return TableSchema(tuple(changed.get(c.name, c) for c in self.columns))

    def append(self, *columns: Column) -> TableSchema:
        names = {c.name for c in columns}
        return TableSchema(tuple(c for c in self.columns if c.name not in names) + tuple(columns))

    def to_dict(self) -> list[dict]:
        return [c.to_dict() for c in self.columns]

    @classmethod
    def from_dict(cls, columns: list[dict]) -> TableSchema:
        return cls(tuple(Column.from_dict(c) for c in columns))


@dataclass(frozen=True)
class Table:
    """A data set flowing along a DataFrame port: the frame plus roles of columns that are not plain features."""

    frame: pd.DataFrame
    roles: dict[str, Role] = field(default_factory=dict)

    @property
    def schema(self) -> TableSchema:
        return TableSchema(tuple(
            Column(str(name), column_type_of(self.frame[name]),
                   isinstance(self.frame[name].dtype, pd.CategoricalDtype),
                   self.roles.get(str(name), Role.FEATURE))
            for name in self.frame.columns))

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
