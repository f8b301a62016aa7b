"""Apply SQL Transformation's implementation: the inputs loaded into an in-memory SQLite database, the statements
run in order, the last one's rows read back (duplicate result names made unique)."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pandas as pd

from nodes import errors
from nodes.column_names import deduplicated
from nodes.components.transformation._apply_sql_transformation import invalid, statements
from nodes.components.transformation.apply_sql_transformation import OUTPUT, QUERY, TABLES
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    script = statements(params[QUERY])
    if not script:
        raise errors.null_or_empty(QUERY, parameter=QUERY)
    with closing(sqlite3.connect(":memory:")) as connection:
        try:
            for name in TABLES:
                table: Table | None = inputs.get(name)
                if table is not None:
                    frame = table.frame.apply(lambda s: s.astype(object) if s.dtype == "category" else s)
                    frame.to_sql(name, connection, index=False)
            for statement in script[:-1]:
                ctx.check_cancelled()
                connection.execute(statement)
            cursor = connection.execute(script[-1])
            if cursor.description is None:
                raise invalid("its last statement returns no rows; end it with a SELECT.")
            names = deduplicated((), [d[0] for d in cursor.description])
            rows = cursor.fetchall()
        except (sqlite3.Error, pd.errors.DatabaseError, ValueError) as error:
            raise invalid(str(error)) from error
    columns = list(zip(*rows)) if rows else [()] * len(names)
    return {OUTPUT: Table(pd.DataFrame({n: _series(list(v)) for n, v in zip(names, columns)},
                                       index=pd.RangeIndex(len(rows))))}


def _series(values: list) -> pd.Series:
    """SQLite values as a column: whole numbers as int64 (Int64 with gaps), numbers as float64, else text."""
    present = [v for v in values if v is not None]
    if all(isinstance(v, int) for v in present) and present:
        return pd.Series(values, dtype="Int64" if len(present) < len(values) else "int64")
    if all(isinstance(v, (int, float)) for v in present):
        return pd.Series(values, dtype="float64")
    if all(isinstance(v, str) for v in present):
        return pd.Series(values, dtype="str")
    return pd.Series(values, dtype=object)
