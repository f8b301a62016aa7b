"""What a kernel maker is given and returns: request-dependent tables by schema, kernels on column arrays."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from nodes.params import Params
from nodes.schema import TableSchema

Arrays = dict[str, np.ndarray]
"""One table's columns, in order: column name -> 1-D array (see `engine.compiled.arrays`)."""


class NotCompilable(Exception):
    """A step the compiled path cannot run; the general path serves the graph. Says which step and why."""


class Fallback(Exception):
    """A request the compiled form cannot answer exactly as the general path would (an unknown level a model
    refuses, a value that does not convert): the general path scores it, and raises its own error."""


@dataclass(frozen=True)
class Varying:
    """A table that comes with each request: its schema is known when compiling, its values are not."""

    schema: TableSchema


@dataclass(frozen=True)
class Kernel:
    """A compiled step: `run` maps its request-dependent inputs (port -> arrays) to its outputs (port -> arrays);
    `outputs` are the output tables' schemas."""

    run: Callable[[Mapping[str, Arrays]], dict[str, Arrays]]
    outputs: dict[str, TableSchema]


Maker = Callable[[Params, Mapping[str, Any]], Kernel]
"""A component's kernel maker: from its parameters and inputs (`Varying`, or a constant such as a trained model),
the kernel; raises `NotCompilable` for what it does not support."""


def varying(inputs: Mapping[str, Any], port: str) -> TableSchema:
    """The schema of a request-dependent table input (`NotCompilable` when the port holds a constant)."""
    value = inputs.get(port)
    if not isinstance(value, Varying):
        raise NotCompilable(f'input "{port}" is not request data')
    return value.schema


def constant(inputs: Mapping[str, Any], port: str, kind: type) -> Any:
    """A constant input of exactly type `kind` (a subclass may score or apply differently: `NotCompilable`)."""
    value = inputs.get(port)
    if type(value) is not kind:
        raise NotCompilable(f'input "{port}" is a {type(value).__name__}, not a {kind.__name__}')
    return value
