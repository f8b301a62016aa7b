"""Split Data's relative and regular expressions: parsed against a schema, then matched against rows.

A column is written `\\"name"` or `(\\N)` (0-based index). A relative expression joins conditions
`column op value` (op one of < > <= >= == !=) with `&` and `|`, `&` binding tighter, no parentheses;
string and boolean columns allow only == and !=. A regular expression is a column then a Python pattern
found anywhere in the value (`re.search`). Missing values never match.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from nodes import errors
from nodes.conversion import convert_value, set_categorical
from nodes.table import ColumnType, TableSchema

_COLUMN = r'(?:\\"(?P<name>[^"]*)"|\(\\(?P<index>\d+)\))'
_CONDITION = re.compile(rf"^\s*{_COLUMN}\s*(?P<op><=|>=|==|!=|<|>)\s*(?P<value>.*?)\s*$", re.S)
_PATTERN = re.compile(rf"^\s*{_COLUMN}\s*(?P<pattern>.*)$", re.S)
_OPERATORS = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge, "==": operator.eq,
              "!=": operator.ne}
_EQUALITY_ONLY = (ColumnType.STRING, ColumnType.BOOLEAN)


@dataclass(frozen=True)
class Condition:
    column: str
    op: str
    value: Any


@dataclass(frozen=True)
class Relational:
    """OR-ed groups of AND-ed conditions."""

    groups: tuple[tuple[Condition, ...], ...]

    def matches(self, frame: pd.DataFrame) -> pd.Series:
        mask = pd.Series(False, index=frame.index)
        for group in self.groups:
            both = pd.Series(True, index=frame.index)
            for c in group:
                values = set_categorical(frame[c.column], False)
                both &= (_OPERATORS[c.op](values, c.value) & values.notna()).fillna(False).astype(bool)
            mask |= both
        return mask


@dataclass(frozen=True)
class Regular:
    column: str
    pattern: re.Pattern

    def matches(self, frame: pd.DataFrame) -> pd.Series:
        return frame[self.column].map(
            lambda v: not pd.isna(v) and self.pattern.search(str(v)) is not None).astype(bool)


def relational(text: str, schema: TableSchema, parameter: str) -> Relational:
    return Relational(tuple(tuple(_condition(c, schema, parameter) for c in _split(part, "&"))
                            for part in _split(text, "|")))


def regular(text: str, schema: TableSchema, parameter: str) -> Regular:
    match = _PATTERN.match(text)
    if not match:
        raise errors.parameter_parsing(parameter, text, "regular expression")
    try:
        pattern = re.compile(match["pattern"])
    except re.error as error:
        raise errors.parameter_parsing(parameter, match["pattern"], "regular expression") from error
    return Regular(_column(match, schema, parameter), pattern)


def _split(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        quoted ^= char == '"'
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    return [*parts, "".join(current)]


def _column(match: re.Match, schema: TableSchema, parameter: str) -> str:
    if match["index"] is not None:
        index = int(match["index"])
        if index >= len(schema.columns):
            raise errors.column_not_found(index, parameter)
        return schema.columns[index].name
    if match["name"] not in schema:
        raise errors.column_not_found(match["name"], parameter)
    return match["name"]


def _condition(text: str, schema: TableSchema, parameter: str) -> Condition:
    match = _CONDITION.match(text)
    if not match or not match["value"]:
        raise errors.parameter_parsing(parameter, text.strip(), "relational expression")
    column = schema[_column(match, schema, parameter)]
    if column.type in _EQUALITY_ONLY and match["op"] not in ("==", "!="):
        raise errors.invalid_column_type(column.name, "Numeric, DateTime or TimeSpan", parameter)
    raw = match["value"]
    text_value = raw[1:-1] if len(raw) > 1 and raw[0] == raw[-1] and raw[0] in "\"'" else raw
    target = replace(column, type=ColumnType.DOUBLE) if column.type.numeric else column
    try:
        value = convert_value(text_value, target)
    except errors.ComponentError:
        raise errors.parameter_parsing(parameter, raw, column.type.value) from None
    return Condition(column.name, match["op"], value)
