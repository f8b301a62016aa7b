"""The component contract: a declarative spec plus `configure` (schemas only) and `run` (data)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from nodes.columns import ColumnSelection
from nodes.context import DesignContext, RunContext
from nodes.errors import ComponentError
from nodes.params import PARAMETER_RANGE, Param, ParamKind, Params
from nodes.ports import Port, PortType

Configure = Callable[[DesignContext, dict[str, Any], Params], dict[str, Any]]
Run = Callable[[RunContext, dict[str, Any], Params], dict[str, Any]]
ContentKey = Callable[[DesignContext, Params], str]
Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

CATEGORIES = (
    "Data Input and Output", "Data Transformation", "Feature Selection", "Statistical Functions",
    "Machine Learning Algorithms", "Model Training", "Model Scoring & Evaluation", "Python Language",
    "Text Analytics", "Web Service",
)


class UnknownVersion(ValueError):
    """A node placed with a component version this catalogue cannot run or upgrade."""


@dataclass(frozen=True)
class Migration:
    """How a node's parameter values of `from_version` become those of `to_version`."""

    from_version: str
    to_version: str
    upgrade: Upgrade


@dataclass(frozen=True)
class Component:
    """One component: what the palette lists, the properties pane edits, validation checks and the runner runs.

    `configure(ctx, input_schemas, params)` maps input schemas (None where unknown) to output schemas without
    touching data, raising `ComponentError` for a wrong column, a missing label or a type clash.
    `run(ctx, inputs, params)` maps input values to output values keyed by port name. Both may be `Lazy`
    (nodes.lazy), so that listing the catalogue imports no implementation. `migrations` upgrade the parameter
    values of nodes placed with an earlier `version`.
    """

    id: str
    name: str
    category: str
    description: str
    configure: Configure
    run: Run
    inputs: tuple[Port, ...] = ()
    outputs: tuple[Port, ...] = ()
    params: tuple[Param, ...] = ()
    version: str = "1.0"
    subcategory: str = ""
    content_key: ContentKey | None = None
    pass_through_in_inference: bool = False
    row_wise: bool = False  # each output row depends on its input row alone: a batch run may stream it in chunks
    maps_to: str = ""  # what it computes with, in pandas or scikit-learn terms, for the component reference
    migrations: tuple[Migration, ...] = ()

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.name}: unknown category {self.category!r}")
        names = [p.name for p in self.params]
        if len(set(self.param_keys())) != len(self.param_keys()):
            raise ValueError(f"{self.name}: duplicate parameter names")
        if any(p.tunable for p in self.params) and len([p for p in self.params if p.is_trainer_mode]) != 1:
            raise ValueError(f"{self.name}: tunable parameters need one Create trainer mode")
        for p in self.params:
            if p.parent and p.parent not in names:
                raise ValueError(f"{self.name}: parameter {p.name!r} depends on unknown {p.parent!r}")
            if p.kind is ParamKind.COLUMN_PICKER and self.columns_port(p) is None:
                raise ValueError(f"{self.name}: column picker {p.name!r} needs the DataFrame input it picks from")

    def columns_port(self, param: Param) -> str | None:
        """The input port whose columns a column picker offers: its own `port`, else the one DataFrame input."""
        tables = [p.name for p in self.inputs if p.type is PortType.DATAFRAME]
        if param.port is not None:
            return param.port if param.port in tables else None
        return tables[0] if len(tables) == 1 else None

    def upgrade(self, version: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """Parameter values of a node placed with `version`, migrated to this version; raises UnknownVersion."""
        values = dict(values)
        while version != self.version:
            step = next((m for m in self.migrations if m.from_version == version), None)
            if step is None:
                raise UnknownVersion(f'{self.name} has no version "{version}" (this catalogue has {self.version}); '
                                     "replace the node with a current one.")
            values, version = step.upgrade(values), step.to_version
        return values

    def input(self, name: str) -> Port | None:
        return next((p for p in self.inputs if p.name == name), None)

    def output(self, name: str) -> Port | None:
        return next((p for p in self.outputs if p.name == name), None)

    def param(self, name: str) -> Param | None:
        """A declared parameter, or the "Range for ..." parameter of a tunable one."""
        return self._by_key.get(name)

    def param_keys(self) -> list[str]:
        """The names parameter values are stored under: every parameter's, and each tunable one's range."""
        return [p.name for p in self._all_params]

    @cached_property
    def _all_params(self) -> tuple[Param, ...]:
        return tuple(q for p in self.params for q in ((p, p.range_param) if p.tunable else (p,)))

    @cached_property
    def _by_key(self) -> dict[str, Param]:
        return {p.name: p for p in self._all_params}

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default.to_dict() if isinstance(p.default, ColumnSelection) else p.default
                for p in self._all_params}

    @cached_property
    def trainer_mode(self) -> Param | None:
        """The Create trainer mode parameter of a learner, which decides how its tunable parameters show."""
        return next((p for p in self.params if p.is_trainer_mode), None)

    def shown(self, param: Param, values: Mapping[str, Any]) -> Param | None:
        """What the properties pane shows of a parameter: itself, its range in ParameterRange mode, or nothing."""
        if not self.is_visible(param, values):
            return None
        if not param.tunable:
            return param
        mode = self.trainer_mode
        if not self.is_visible(mode, values):
            return None
        try:
            ranged = mode.coerce(values.get(mode.name, mode.default)) == PARAMETER_RANGE
        except ComponentError:
            return None
        return self._by_key[param.range_key] if ranged else param

    def is_visible(self, param: Param, values: Mapping[str, Any]) -> bool:
        """Shown only while each parent (recursively) is shown and holds one of the listed values."""
        if param.parent is None:
            return True
        parent = self.param(param.parent)
        assert parent is not None
        raw = values.get(parent.name, parent.default)
        try:
            value = parent.coerce(raw)
        except ComponentError:
            return False
        return value in param.parent_values and self.is_visible(parent, values)

    def resolve_params(self, values: Mapping[str, Any]) -> tuple[Params, list[ComponentError]]:
        """Coerce every shown parameter (defaults filling gaps); hidden ones are None, unchecked.

        A tunable parameter is checked as its single value or, in ParameterRange mode, as its range, whose first
        value becomes the value to fit; `Params.ranges` lists the tunable parameters shown either way.
        """
        resolved: dict[str, Any] = dict.fromkeys(self.param_keys())
        ranges: dict[str, str] = {}
        problems: list[ComponentError] = []
        unknown = set(values) - set(resolved)
        for name in sorted(unknown):
            problems.append(ComponentError(2, "ParameterParsing",
                                           f'"{self.name}" has no parameter "{name}".', parameter=name))
        for param in self.params:
            shown = self.shown(param, values)
            if shown is None:
                continue
            try:
                value = resolved[shown.name] = shown.coerce(values.get(shown.name, shown.default))
            except ComponentError as error:
                problems.append(error)
                continue
            if param.tunable:
                resolved[param.name] = value[0] if shown is not param else value
                ranges[param.name] = param.range_key
        return Params(resolved, ranges), problems

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "category": self.category, "subcategory": self.subcategory,
                "version": self.version, "description": self.description, "maps_to": self.maps_to,
                "inputs": [p.to_dict() for p in self.inputs], "outputs": [p.to_dict() for p in self.outputs],
                "params": [p.to_dict() for p in self.params]}
