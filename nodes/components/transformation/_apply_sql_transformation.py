"""Apply SQL Transformation's design-time side: the script split into its statements (at least one).

Its run (`_apply_sql_transformation_run`) runs them on the inputs in an in-memory SQLite database."""
from __future__ import annotations

import sqlite3

from nodes import errors
from nodes.components.transformation.apply_sql_transformation import OUTPUT, QUERY
from nodes.context import DesignContext
from nodes.params import Params


def statements(script: str) -> list[str]:
    """The script's complete SQL statements, split at the semicolons that end them (not those in strings)."""
    found, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):
            if current.strip(" \t\r\n;"):
                found.append(current)
            current = ""
    if current.strip(" \t\r\n;"):
        found.append(current)
    return found


def invalid(message: str) -> errors.ComponentError:
    return errors.ComponentError(69, "InvalidSQLScript", f"The SQL script failed: {message}", parameter=QUERY)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The result's columns depend on the query: unknown until it runs."""
    if not statements(params[QUERY]):
        raise errors.null_or_empty(QUERY, parameter=QUERY)
    return {OUTPUT: None}
