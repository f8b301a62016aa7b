"""Functions named by module and attribute, imported on first call: listing the catalogue imports no ML library."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Lazy:
    """A picklable stand-in for `module.name`, imported when first called."""

    module: str
    name: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)


def implemented_in(module: str) -> dict[str, Lazy]:
    """`configure` and `run` of a component's implementation module, for `Component(..., **implemented_in(M))`."""
    return {"configure": Lazy(module, "configure"), "run": Lazy(module, "run")}
