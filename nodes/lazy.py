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


def implemented_in(module: str, run_module: str | None = None) -> dict[str, Lazy]:
    """`configure` of a component's implementation module and its `run` (of `run_module` when that needs a library
    `configure` must not load: validation imports no ML library), for `Component(..., **implemented_in(M))`."""
    return {"configure": Lazy(module, "configure"), "run": Lazy(run_module or module, "run")}
