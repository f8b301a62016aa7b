"""Parameter kinds (reference §0.2): defaults, ranges, required flags and conditional visibility."""
from __future__ import annotations

import math
from collections.abc import Mapping
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
    DATASET = "Dataset"
    ASSET = "Asset"


REGISTERED_KINDS = frozenset({ParamKind.DATASET, ParamKind.ASSET})
"""Kinds whose value names something registered in the workspace (a data set, a model, a transformation)."""

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}
TRAINER_MODE = "Create trainer mode"
SINGLE_PARAMETER = "SingleParameter"
PARAMETER_RANGE = "ParameterRange"


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
    sweep: str | None = None  # a tunable parameter's default range, e.g. "0.025; 0.05; 0.1"
    range_name: str | None = None  # its "Range for ..." name, when Azure's differs from `range_key_of(name)`
    item_kind: ParamKind | None = None  # a ParameterRange's value kind (Int or Float)
    asset: str | None = None  # an Asset parameter's kind of registered asset: "model" or "transformation"

    def to_dict(self) -> dict:
        default = self.default.to_dict() if isinstance(self.default, ColumnSelection) else self.default
        return {"name": self.name, "kind": self.kind.value, "default": default, "min": self.min,
                "max": self.max, "required": self.required, "options": list(self.options),
                "parent": self.parent, "parent_values": list(self.parent_values),
                "single_column": self.single_column, "description": self.description, "port": self.port,
                "asset": self.asset,
                "range": {"name": self.range_key, "default": self.sweep} if self.tunable else None}

    @property
    def tunable(self) -> bool:
        """Declared with a range: Create trainer mode shows either its single value or its range."""
        return self.sweep is not None

    @property
    def range_key(self) -> str:
        """The name its range is stored and shown under, e.g. "Range for learning rate"."""
        return self.range_name or range_key_of(self.name)

    @property
    def range_param(self) -> Param:
        """The "Range for ..." parameter of a tunable one: the values Tune Model Hyperparameters sweeps."""
        return Param(self.range_key, ParamKind.PARAMETER_RANGE, self.sweep, self.min, self.max,
                     parent=self.parent, parent_values=self.parent_values, item_kind=self.kind,
                     description=f"Values of {self.name} to sweep, separated by ;.")

    @property
    def is_trainer_mode(self) -> bool:
        return self.kind is ParamKind.MODE and self.options == (SINGLE_PARAMETER, PARAMETER_RANGE)

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
                if isinstance(value, bool) or not math.isfinite(number := float(value)):
                    raise ValueError
                return number
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
                return parse_range(value, self.item_kind or ParamKind.FLOAT)
            return str(value)
        except (TypeError, ValueError, OverflowError, RecursionError) as error:  # e.g. rules JSON nested too deep
            raise errors.parameter_parsing(self.name, value, kind.value) from error

    def _check_range(self, value: Any) -> None:
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                if (self.min is not None and v < self.min) or (self.max is not None and v > self.max):
                    raise errors.out_of_range(self.name, v, self.min, self.max)


def parse_range(value: Any, kind: ParamKind = ParamKind.FLOAT) -> list[float] | list[int]:
    """A sweep list such as "1; 8; 32" (or a JSON list) as numbers of `kind` (Int or Float)."""
    items = value if isinstance(value, list) else [p for p in str(value).replace(",", ";").split(";") if p.strip()]
    if not items:
        raise ValueError("empty range")
    if any(isinstance(v, bool) for v in items):
        raise ValueError("a range holds numbers")
    numbers = [float(v) for v in items]
    if not all(math.isfinite(n) for n in numbers):
        raise ValueError("a range of finite numbers")
    if kind is ParamKind.INT:
        if not all(n.is_integer() for n in numbers):
            raise ValueError("a range of whole numbers")
        return [int(n) for n in numbers]
    return numbers


def range_key_of(name: str) -> str:
    """Azure's "Range for ..." name: the first letter lower-cased unless the first word is an acronym or has digits."""
    first = name.split(" ", 1)[0]
    if any(c.isdigit() for c in first) or sum(c.isupper() for c in first) > 1:
        return f"Range for {name}"
    return f"Range for {name[0].lower()}{name[1:]}"


@dataclass(frozen=True)
class Params:
    """The coerced values a component's `configure` and `run` receive, keyed by parameter name.

    A tunable parameter's value is the one to fit (in ParameterRange mode the first of its range, which is
    also under its "Range for ..." key); `ranges` names the range key of each shown tunable parameter.
    """

    values: dict[str, Any] = field(default_factory=dict)
    ranges: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    @property
    def grid(self) -> dict[str, list]:
        """The values to sweep per tunable parameter: its range in ParameterRange mode, else its one value."""
        return {name: self.values[key] if self.values.get(key) is not None else [self.values[name]]
                for name, key in self.ranges.items()}

    def at(self, point: Mapping[str, Any]) -> Params:
        """These values with the tunable parameters in `point` fixed to one value each (one point of the grid)."""
        unknown = set(point) - set(self.ranges)
        if unknown:
            raise KeyError(f"not tunable: {', '.join(sorted(unknown))}")
        fixed = {self.ranges[name]: None for name in point}
        return Params({**self.values, **fixed, **point}, self.ranges)


def Int(name: str, default: int | None = None, *, min: float | None = None, max: float | None = None,  # noqa: A002,N802
        required: bool = True, sweep: str | None = None, range_name: str | None = None,
        parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    """A whole number; with `sweep` (e.g. "1; 10; 100") a tunable parameter of a learner."""
    return _param(name, ParamKind.INT, default, min=min, max=max, required=required, sweep=sweep,
                  range_name=range_name, parent=parent, description=description)


def Float(name: str, default: float | None = None, *, min: float | None = None, max: float | None = None,  # noqa: A002,N802
          required: bool = True, sweep: str | None = None, range_name: str | None = None,
          parent: tuple[str, tuple] | None = None, description: str = "") -> Param:
    """A number; with `sweep` (e.g. "0.025; 0.05; 0.1") a tunable parameter of a learner."""
    return _param(name, ParamKind.FLOAT, default, min=min, max=max, required=required, sweep=sweep,
                  range_name=range_name, parent=parent, description=description)


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


def Dataset(name: str, *, description: str = "") -> Param:  # noqa: N802
    """The name of a registered data set: a source the palette offers once per data set of the workspace."""
    return _param(name, ParamKind.DATASET, None, description=description)


def Asset(name: str, kind: str, *, description: str = "") -> Param:  # noqa: N802
    """The name of a registered asset of `kind` ("model" or "transformation"), as a plain string."""
    return _param(name, ParamKind.ASSET, None, asset=kind, description=description)


def dataset_param(params: tuple[Param, ...]) -> Param | None:
    """The parameter naming the data set a source component reads, if it has one."""
    return next((p for p in params if p.kind is ParamKind.DATASET), None)


def ColumnPicker(name: str, default: ColumnSelection | None = None, *, required: bool = True,  # noqa: N802
                 single: bool = False, port: str | None = None, parent: tuple[str, tuple] | None = None,
                 description: str = "") -> Param:
    """Columns of the input `port` (by default the component's only DataFrame input)."""
    return _param(name, ParamKind.COLUMN_PICKER, default or ColumnSelection.none(), required=required,
                  single_column=single, port=port, parent=parent, description=description)


def TrainerMode(name: str = TRAINER_MODE, *, parent: tuple[str, tuple] | None = None) -> Param:  # noqa: N802
    """A learner's Create trainer mode: it shows each tunable parameter's single value, or its range."""
    return Mode(name, [SINGLE_PARAMETER, PARAMETER_RANGE], SINGLE_PARAMETER, parent=parent,
                description="One set of values, or ranges that Tune Model Hyperparameters sweeps.")


def _param(name: str, kind: ParamKind, default: Any, *, parent: tuple[str, tuple] | None = None,
           **fields: Any) -> Param:
    parent_name, parent_values = parent if parent else (None, ())
    return Param(name, kind, default, parent=parent_name, parent_values=tuple(parent_values), **fields)
