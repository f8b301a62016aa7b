"""Names for columns that would clash with columns already there (Add Columns, Join Data, appended results)."""
from __future__ import annotations

from collections.abc import Iterable

from nodes.schema import Column, Role, TableSchema


def deduplicated(taken: Iterable[str], names: Iterable[str]) -> list[str]:
    """`names` with each one that clashes with `taken` (or an earlier one of `names`) given the first free
    numeric suffix: `price` beside `price` becomes `price_1`, then `price_2`."""
    used = set(taken)
    out = []
    for name in names:
        new, k = name, 0
        while new in used:
            k += 1
            new = f"{name}_{k}"
        used.add(new)
        out.append(new)
    return out


def side_by_side(left: TableSchema, right: TableSchema) -> TableSchema:
    """Left's columns, then right's under `deduplicated` names; right's label becomes a feature when left has
    a label already (a data set has one label)."""
    labelled = bool(left.with_role(Role.LABEL))
    moved = tuple(Column(name, c.type, c.categorical, Role.FEATURE if labelled and c.role is Role.LABEL else c.role)
                  for name, c in zip(deduplicated(left.names, right.names), right.columns, strict=True))
    return TableSchema(left.columns + moved)
