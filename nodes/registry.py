"""Finds every component: the modules under `nodes.components` and the `designer.components` entry points."""
from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib.metadata import entry_points

from nodes import components
from nodes.component import CATEGORIES, Component


class UnknownComponent(KeyError):
    def __str__(self) -> str:
        return f'Unknown component "{self.args[0]}": it is not in the catalogue (see `designer components`).'


class Registry:
    """Components by id, in palette order (category, then name)."""

    def __init__(self, found: list[Component]) -> None:
        self._by_id: dict[str, Component] = {}
        for component in found:
            if component.id in self._by_id:
                raise ValueError(f"two components share the id {component.id!r}")
            self._by_id[component.id] = component

    def __getitem__(self, component_id: str) -> Component:
        try:
            return self._by_id[component_id]
        except KeyError:
            raise UnknownComponent(component_id) from None

    def __contains__(self, component_id: str) -> bool:
        return component_id in self._by_id

    def __iter__(self):
        return iter(sorted(self._by_id.values(), key=lambda c: (CATEGORIES.index(c.category), c.subcategory, c.name)))

    def __len__(self) -> int:
        return len(self._by_id)


def discover() -> list[Component]:
    """The `COMPONENT` of every spec module; modules named `_...` are implementations, imported only when run."""
    found = []
    for info in pkgutil.walk_packages(components.__path__, components.__name__ + "."):
        if info.name.rpartition(".")[2].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        component = getattr(module, "COMPONENT", None)
        if isinstance(component, Component):
            found.append(component)
    for entry in entry_points(group="designer.components"):
        found.append(entry.load())
    return found


@cache
def default_registry() -> Registry:
    return Registry(discover())
