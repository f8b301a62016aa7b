"""The component contract: a declarative spec plus `configure` (schemas only) and `run` (data)."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from nodes.columns import ColumnSelection
from nodes.context import DesignContext, RunContext
from nodes.errors import ComponentError
from nodes.params import Param, ParamKind, Params
from nodes.ports import Port, PortType

Configure = Callable[[DesignContext, dict[str, Any], Params], dict[str, Any]]
Run = Callable[[RunContext, dict[str, Any], Params], dict[str, Any]]
ContentKey = Callable[[DesignContext, Params], str]
Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

CATEGORIES = (
    "Data Input and Output", "Data Transformation", "Feature Selection", "Statistical Functions",
    "Machine Learning Algorithms", "Model Training", "Model Scoring & Evaluation", "Python Language",
    "Web Service",
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
    migrations: tuple[Migration, ...] = ()

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.name}: unknown category {self.category!r}")
        names = [p.name for p in self.params]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: duplicate parameter names")
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
        return next((p for p in self.params if p.name == name), None)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default.to_dict() if isinstance(p.default, ColumnSelection) else p.default
                for p in self.params}

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
        """Coerce every visible parameter (defaults filling gaps); hidden ones keep their defaults unchecked."""
        resolved: dict[str, Any] = {}
        problems: list[ComponentError] = []
        unknown = set(values) - {p.name for p in self.params}
        for name in sorted(unknown):
            problems.append(ComponentError(2, "ParameterParsing",
                                           f'"{self.name}" has no parameter "{name}".', parameter=name))
        for param in self.params:
            raw = values.get(param.name, param.default)
            if not self.is_visible(param, values):
                resolved[param.name] = None
                continue
            try:
                resolved[param.name] = param.coerce(raw)
            except ComponentError as error:
                problems.append(error)
                resolved[param.name] = None
        return Params(resolved), problems

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "category": self.category, "subcategory": self.subcategory,
                "version": self.version, "description": self.description,
                "inputs": [p.to_dict() for p in self.inputs], "outputs": [p.to_dict() for p in self.outputs],
                "params": [p.to_dict() for p in self.params]}
