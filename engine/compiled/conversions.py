"""Column type conversions the compiled path repeats exactly (`nodes.conversion.convert`): numbers and booleans
to numbers. Conversions to or from text are left to the general path."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.compiled.arrays import as_float, canonical
from engine.compiled.kernel import Fallback, NotCompilable
from nodes.schema import ColumnType

Convert = Callable[[np.ndarray], np.ndarray]
TO_NUMBER = (ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.BOOLEAN)


def converter(source: ColumnType, target: ColumnType) -> Convert:
    """The function converting compiled values of type `source` to `target` (`NotCompilable` if not known)."""
    if source is target:
        return _same
    if source in TO_NUMBER and target is ColumnType.DOUBLE:
        return as_float
    if source in TO_NUMBER and target is ColumnType.INTEGER:
        return _to_integer
    raise NotCompilable(f"converting {source.value} to {target.value}")


def _same(values: np.ndarray) -> np.ndarray:
    return values


def _to_integer(values: np.ndarray) -> np.ndarray:
    """Whole numbers as Integer; a fraction or an infinite value is the general path's conversion error."""
    numbers = as_float(values)
    present = numbers[~np.isnan(numbers)]
    if not (np.isfinite(present).all() and (present == np.round(present)).all()):
        raise Fallback("a value is not a whole number")
    return canonical(numbers, ColumnType.INTEGER)
