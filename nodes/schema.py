"""Table schemas: columns with their type, categorical flag and role, as `configure` sees them, without data.

Free of pandas, so that the component contract and the catalogue load without any data library."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
