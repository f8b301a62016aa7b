"""Select Columns Transform's implementation: the column list as a replayable transformation."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from nodes.components.transformation.select_columns_transform import DATASET, NAME, TRANSFORM
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.schema import TableSchema

if TYPE_CHECKING:  # a table holds a pandas frame; configure loads no data library
    from nodes.table import Table


@dataclass(frozen=True)
class ColumnSubset:
    """What the transformation needs (its columns) and makes of a schema: those columns alone, in that order."""

    name: str
    needs: tuple[str, ...]

    def apply(self, schema: TableSchema) -> TableSchema:
        return schema.select(list(self.needs))


@dataclass(frozen=True)
class KeepColumns:
    """Keeps the columns of `schema.needs` of any table that has them."""

    schema: ColumnSubset

    def apply(self, table: Table) -> Table:
        return table.with_frame(table.frame[list(self.schema.needs)])


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    schema = inputs.get(DATASET)
    return {TRANSFORM: None if schema is None else ColumnSubset(NAME, tuple(schema.names))}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    return {TRANSFORM: KeepColumns(ColumnSubset(NAME, tuple(inputs[DATASET].schema.names)))}
