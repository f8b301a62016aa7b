"""Parameter kinds (reference §0.2): defaults, ranges, required flags and conditional visibility."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from nodes import errors
from nodes.columns import ColumnSelection


class ParamKind(str, Enum):
    INT = "Int"
    FLOAT = "Float"
    STRING = "String"
    BOOLEAN = "Boolean"
    MODE = "Mode"
    COLUMN_PICKER = "ColumnPicker"
    SCRIPT = "Script"
    PARAMETER_RANGE = "ParameterRange"


_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class Param:
    """One parameter of a component, as the properties pane shows it and the engine checks it."""

    name: str
    kind: ParamKind
    default: Any = None
    min: float | None = None
    max: float | None = None
    required: bool = True
    options: tuple[str, ...] = ()
    parent: str | None = None
    parent_values: tuple[Any, ...] = ()
    single_column: bool = False
    description: str = ""
    port: str | None = None  # a column picker's input port (None: the component's one DataFrame input)

    def to_dict(self) -> dict:
        default = self.default.to_dict() if isinstance(self.default, ColumnSelection) else self.default
        return {"name": self.name, "kind": self.kind.value, "default": default, "min": self.min,
                "max": self.max, "required": self.required, "options": list(self.options),
                "parent": self.parent, "parent_values": list(self.parent_values),
                "single_column": self.single_column, "description": self.description, "port": self.port}

    def is_blank(self, value: Any) -> bool:
        if isinstance(value, ColumnSelection):
            return value.is_empty
        return value is None or (isinstance(value, str) and not value.strip() and self.kind is not ParamKind.SCRIPT)

    def coerce(self, value: Any) -> Any:
        """The value as its kind's Python type, checked against options and range; raises ComponentError."""
        if self.is_blank(value):
            if self.required:
                raise errors.null_or_empty(self.name, parameter=self.name)
            return ColumnSelection.none() if self.kind is ParamKind.COLUMN_PICKER else None
        converted = self._convert(value)
        self._check_range(converted)
        return converted

    def _convert(self, value: Any) -> Any:
        kind = self.kind
        try:
            if kind is ParamKind.INT:
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
                return int(str(value).strip()) if isinstance(value, str) else int(value)
            if kind is ParamKind.FLOAT:
                if isinstance(value, bool):
                    raise ValueError
                return float(value)
            if kind is ParamKind.BOOLEAN:
                if isinstance(value, bool):
                    return value
                text = str(value).strip().lower()
                if text in _TRUE | _FALSE:
                    return text in _TRUE
                raise ValueError
            if kind is ParamKind.MODE:
                if str(value) not in self.options:
                    raise errors.ComponentError(
                        2, "ParameterParsing",
                        f'"{value}" is not an option of "{self.name}"; choose one of: {", ".join(self.options)}.',
                        parameter=self.name)
                return str(value)
            if kind is ParamKind.COLUMN_PICKER:
                return ColumnSelection.parse(value)
            if kind is ParamKind.PARAMETER_RANGE:
                return parse_range(value)
            return str(value)
        except (TypeError, ValueError) as error:
            raise errors.parameter_parsing(self.name, value, kind.value) from error

    def _check_range(self, value: Any) -> None:
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                if (self.min is not None and v < self.min) or (self.max is not None and v > self.max):
                    raise errors.out_of_range(self.name, v, self.min, self.max)


def parse_range(value: Any) -> list[float]:
    """A sweep list such as "1; 8; 32" (or a JSON list) as numbers."""
    items = value if isinstance(value, list) else [p for p in str(value).replace(",", ";").split(";") if p.strip()]
    if not items:
        raise ValueError("empty range")
    numbers = [float(v) for v in items]
    return [int(n) if n.is_integer() else n for n in numbers]


@dataclass(frozen=True)
class Params:
    """The coerced values a component's `configure` and `run` receive, keyed by parameter name."""

    values: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


def Int(name: str, default: int | None = None, *, min: float | None = None, max: float | None = None,  # noqa: A002,N802
        required: bool = True, parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    return _param(name, ParamKind.INT, default, min=min, max=max, required=required, parent=parent,
                  description=description)


def Float(name: str, default: float | None = None, *, min: float | None = None, max: float | None = None,  # noqa: A002,N802
          required: bool = True, parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    return _param(name, ParamKind.FLOAT, default, min=min, max=max, required=required, parent=parent,
                  description=description)


def String(name: str, default: str | None = None, *, required: bool = True,  # noqa: N802
           parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    return _param(name, ParamKind.STRING, default, required=required, parent=parent, description=description)


def Script(name: str, default: str = "", *, required: bool = True,  # noqa: N802
           parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    return _param(name, ParamKind.SCRIPT, default, required=required, parent=parent, description=description)


def Boolean(name: str, default: bool = False, *, parent: tuple[str, tuple] | None = None,  # noqa: N802
            description: str = "") -> Param:
    return _param(name, ParamKind.BOOLEAN, default, parent=parent, description=description)


def Mode(name: str, options: list[str], default: str | None = None, *,  # noqa: N802
         parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    return _param(name, ParamKind.MODE, default if default is not None else options[0], options=tuple(options),
                  parent=parent, description=description)


def ColumnPicker(name: str, default: ColumnSelection | None = None, *, required: bool = True,  # noqa: N802
                 single: bool = False, port: str | None = None, parent: tuple[str, tuple] | None = None,
                 description: str = "") -> Param:
    """Columns of the input `port` (by default the component's only DataFrame input)."""
    return _param(name, ParamKind.COLUMN_PICKER, default or ColumnSelection.none(), required=required,
                  single_column=single, port=port, parent=parent, description=description)


def ParameterRange(name: str, default: str, *, min: float | None = None, max: float | None = None,  # noqa: A002,N802
                   parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    return _param(name, ParamKind.PARAMETER_RANGE, default, min=min, max=max, parent=parent,
                  description=description)


def _param(name: str, kind: ParamKind, default: Any, *, parent: tuple[str, tuple] | None = None,
           **fields: Any) -> Param:
    parent_name, parent_values = parent if parent else (None, ())
    return Param(name, kind, default, parent=parent_name, parent_values=tuple(parent_values), **fields)
