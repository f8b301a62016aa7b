"""The column picker (reference §0.3): rules JSON and the one resolver every component uses."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from nodes import errors
from nodes.schema import Column, ColumnType, Role, TableSchema

RULE_TYPES = ("AllColumns", "ColumnNames", "ColumnIndexes", "ColumnTypes")
COLUMN_TYPES = ("String", "Integer", "Double", "Boolean", "DateTime", "TimeSpan", "Categorical", "Numeric", "All")
COLUMN_KINDS = ("Feature", "Label", "Score", "All")


@dataclass(frozen=True)
class ColumnSelection:
    """A column picker value: include/exclude rules applied in order to an empty start."""

    rules: tuple[dict, ...] = ()

    @classmethod
    def none(cls) -> ColumnSelection:
        return cls(())

    @classmethod
    def all(cls) -> ColumnSelection:
        return cls(({"ruleType": "AllColumns", "exclude": False},))

    @classmethod
    def names(cls, *names: str, exclude: bool = False) -> ColumnSelection:
        rules = (cls.all().rules if exclude else ()) + (
            {"ruleType": "ColumnNames", "exclude": exclude, "columns": list(names)},)
        return cls(rules)

    @classmethod
    def types(cls, *types: str, kinds: tuple[str, ...] = ("All",), exclude: bool = False) -> ColumnSelection:
        return cls(({"ruleType": "ColumnTypes", "exclude": exclude, "columnTypes": list(types),
                     "columnKinds": list(kinds)},))

    @classmethod
    def parse(cls, value: Any) -> ColumnSelection:
        """From rules JSON (a dict or its text), a list of names, or one name."""
        if isinstance(value, ColumnSelection):
            return value
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("{"):
                value = json.loads(text)
            else:
                return cls.names(text)
        if isinstance(value, (list, tuple)):
            return cls.names(*[str(v) for v in value])
        if not isinstance(value, dict) or not isinstance(value.get("rules"), list):
            raise ValueError("a column selection needs a 'rules' list")
        for rule in value["rules"]:
            _check_rule(rule)
        return cls(tuple(dict(r) for r in value["rules"]))

    def to_dict(self) -> dict:
        return {"isFilter": True, "rules": [dict(r) for r in self.rules]}

    @property
    def is_empty(self) -> bool:
        return not self.rules

    def resolve(self, schema: TableSchema, parameter: str | None = None) -> list[str]:
        """The selected column names in the dataset's order; unknown names or indices raise error 0001."""
        chosen: set[str] = set()
        for rule in self.rules:
            matched = _match(rule, schema, parameter)
            chosen = chosen - matched if rule.get("exclude") else chosen | matched
        return [name for name in schema.names if name in chosen]

    def describe(self) -> str:
        """A short text for the properties pane, e.g. "All columns except normalized-losses"."""
        parts = []
        for rule in self.rules:
            kind, sign = rule["ruleType"], "Exclude" if rule.get("exclude") else "Include"
            if kind == "AllColumns":
                parts.append("All columns")
            elif kind == "ColumnNames":
                parts.append(f"{sign} {', '.join(rule.get('columns', []))}")
            elif kind == "ColumnIndexes":
                parts.append(f"{sign} indices {', '.join(map(str, rule.get('columns', [])))}")
            else:
                parts.append(f"{sign} {'/'.join(rule.get('columnTypes', []))} "
                             f"{'/'.join(rule.get('columnKinds', ['All']))} columns")
        return "; ".join(parts) or "No columns"


def _check_rule(rule: Any) -> None:
    if not isinstance(rule, dict) or rule.get("ruleType") not in RULE_TYPES:
        raise ValueError(f"each rule needs a ruleType among {', '.join(RULE_TYPES)}")
    for t in rule.get("columnTypes", []):
        if t not in COLUMN_TYPES:
            raise ValueError(f"unknown column type {t!r}; use one of {', '.join(COLUMN_TYPES)}")
    for k in rule.get("columnKinds", []):
        if k not in COLUMN_KINDS:
            raise ValueError(f"unknown column kind {k!r}; use one of {', '.join(COLUMN_KINDS)}")


def _match(rule: dict, schema: TableSchema, parameter: str | None) -> set[str]:
    kind = rule["ruleType"]
    if kind == "AllColumns":
        return set(schema.names)
    if kind == "ColumnNames":
        names = set(schema.names)
        for name in rule.get("columns", []):
            if name not in names:
                raise errors.column_not_found(name, parameter)
        return set(rule.get("columns", []))
    if kind == "ColumnIndexes":
        indices = parse_indices(rule.get("columns", []), parameter, len(schema.columns))
        return {schema.columns[i - 1].name for i in indices}
    types = set(rule.get("columnTypes", ["All"]))
    kinds = set(rule.get("columnKinds", ["All"]))
    return {c.name for c in schema.columns if _type_matches(c, types) and _kind_matches(c, kinds)}


def parse_indices(spec: Any, parameter: str | None = None, count: int | None = None) -> list[int]:
    """1-based indices from "1,3-8" or a list of ints and such strings; open ranges are refused, and so is an
    index beyond `count` (the number of columns, when known)."""
    parts = spec if isinstance(spec, list) else [spec]
    out: list[int] = []
    for part in parts:
        for piece in str(part).split(","):
            piece = piece.strip()
            if not piece:
                continue
            low, _, high = piece.partition("-")
            try:
                start, stop = int(low), int(high) if high else int(low)
            except ValueError:
                raise errors.parameter_parsing(parameter or "column indices", piece, "column index range") from None
            if start < 1 or stop < start:
                raise errors.column_not_found(piece, parameter)
            if count is not None and stop > count:
                raise errors.column_not_found(max(start, count + 1), parameter)  # the first index not there
            out.extend(range(start, stop + 1))
    return out


def _type_matches(column: Column, types: set[str]) -> bool:
    if "All" in types or column.type.value in types:
        return True
    if "Numeric" in types and column.type.numeric:
        return True
    return "Categorical" in types and column.categorical


def _kind_matches(column: Column, kinds: set[str]) -> bool:
    if "All" in kinds:
        return True
    role = "Score" if column.role is Role.SCORE else column.role.value
    return role in kinds


def some_columns(selection: ColumnSelection, schema: TableSchema, parameter: str) -> list[str]:
    """The columns a picker names, at least one (error 0011 when it matches none)."""
    names = selection.resolve(schema, parameter)
    if not names:
        raise errors.no_columns_selected(parameter)
    return names


def single_column(selection: ColumnSelection, schema: TableSchema, parameter: str) -> str:
    """The one column a single-column picker (a label or key column) names."""
    names = selection.resolve(schema, parameter)
    if len(names) != 1:
        raise errors.bad_number_of_columns(parameter, len(names))
    return names[0]


def numeric_only(names: list[str], schema: TableSchema, parameter: str) -> list[str]:
    for name in names:
        if not schema[name].type.numeric and schema[name].type is not ColumnType.BOOLEAN:
            raise errors.invalid_column_type(name, "Numeric", parameter)
    return names
