"""Split Data's relative and regular expressions: parsed against a schema, then matched against rows.

A column is written `\\"name"` or `(\\N)` (0-based index). A relative expression joins conditions
`column op value` (op one of < > <= >= == !=) with `&` and `|`, `&` binding tighter, no parentheses;
string and boolean columns allow only == and !=. A regular expression is a column then a Python pattern
found anywhere in the value (`re.search`). Missing values never match (`_split_data_run.matches`).

Parsing loads no data library, but for the value of a relative expression's condition, converted to its
column's type by pandas.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, replace
from typing import Any

from nodes import errors
from nodes.lazy import Lazy
from nodes.schema import ColumnType, TableSchema

_COLUMN = r'(?:\\"(?P<name>[^"]*)"|\(\\(?P<index>\d+)\))'
_CONDITION = re.compile(rf"^\s*{_COLUMN}\s*(?P<op><=|>=|==|!=|<|>)\s*(?P<value>.*?)\s*$", re.S)
_PATTERN = re.compile(rf"^\s*{_COLUMN}\s*(?P<pattern>.*)$", re.S)
OPERATORS = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge, "==": operator.eq,
              "!=": operator.ne}
_EQUALITY_ONLY = (ColumnType.STRING, ColumnType.BOOLEAN)
_convert_value = Lazy("nodes.conversion", "convert_value")  # pandas converts: loaded for a relative expression only


@dataclass(frozen=True)
class Condition:
    column: str
    op: str
    value: Any


@dataclass(frozen=True)
class Relational:
    """OR-ed groups of AND-ed conditions."""

    groups: tuple[tuple[Condition, ...], ...]


@dataclass(frozen=True)
class Regular:
    column: str
    pattern: re.Pattern


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
        value = _convert_value(text_value, target)
    except errors.ComponentError:
        raise errors.parameter_parsing(parameter, raw, column.type.value) from None
    return Condition(column.name, match["op"], value)
