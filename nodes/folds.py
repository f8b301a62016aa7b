"""The fold convention between Partition and Sample (Assign to Folds, Pick Fold) and Cross Validate Model.

Assign to Folds appends an Integer column `FOLD_COLUMN` ("Fold") holding each row's fold number, 1 to k, with the
role `Role.NONE`: it travels with the data but is never a feature (assigning again replaces it). Pick Fold keeps
the rows of one fold (or of all the others) with the column, so that its complement can be cross-validated on the
remaining folds. With replacement a row may appear several times, once per fold that drew it. A table without
that column has no fold assignment."""
from __future__ import annotations

from nodes.schema import Column, ColumnType, Role, TableSchema

FOLD_COLUMN = "Fold"
FOLD_NUMBER = Column(FOLD_COLUMN, ColumnType.INTEGER, role=Role.NONE)


def has_folds(schema: TableSchema) -> bool:
    """Whether a data set carries Assign to Folds' fold numbers."""
    return FOLD_COLUMN in schema and schema[FOLD_COLUMN].role is Role.NONE
