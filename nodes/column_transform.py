"""A fitted transformation replayed column by column (Clean Missing Data, Normalize Data)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd

from nodes.models import TransformSchema
from nodes.table import Table


class ColumnFunction(Protocol):
    """A fitted, picklable function from one column to one column."""

    def __call__(self, series: pd.Series) -> pd.Series: ...


@dataclass(frozen=True)
class ColumnTransform:
    """Replays fitted per-column functions on any table holding `schema.needs`.

    Rows missing a value in `drop_rows_missing` go first; then each `(output, source, function)` of
    `functions` (in `schema.produces` order) replaces or appends its output column, `schema.drops` columns
    go, and the produced columns take the roles `schema.produces` records.
    """

    schema: TransformSchema
    functions: tuple[tuple[str, str, ColumnFunction], ...] = ()
    drop_rows_missing: tuple[str, ...] = ()

    def apply(self, table: Table) -> Table:
        frame = table.frame
        if self.drop_rows_missing:
            frame = complete_rows(frame, self.drop_rows_missing)
        outputs = {output: function(frame[source]) for output, source, function in self.functions}
        frame = frame.drop(columns=list(self.schema.drops)).assign(**outputs)
        return table.with_frame(frame).with_roles(**{c.name: c.role for c in self.schema.produces})


def complete_rows(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """The rows with a value in each of `columns`, renumbered: one copy of the kept rows (`dropna(subset=...)` copies
    the checked columns first), none when no row goes (copy-on-write shares the columns)."""
    keep = np.logical_and.reduce([frame[name].notna().to_numpy() for name in columns])
    return (frame if keep.all() else frame[keep]).reset_index(drop=True)
