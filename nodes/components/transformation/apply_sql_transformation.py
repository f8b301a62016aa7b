"""Apply SQL Transformation: runs a SQLite query over up to three data sets, named t1, t2 and t3."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Script
from nodes.ports import DataFrame

TABLES = ("t1", "t2", "t3")
OUTPUT = "Result_dataset"
QUERY = "SQL query script"

COMPONENT = Component(
    id="apply_sql_transformation",
    name="Apply SQL Transformation",
    category="Data Transformation",
    description="Runs SQLite statements, separated by ;, over the inputs as tables t1, t2 and t3; the last "
                "statement's rows are the result. Quote odd column names with [] or \"\". Column roles are lost.",
    inputs=(DataFrame("t1"), DataFrame("t2", optional=True), DataFrame("t3", optional=True)),
    outputs=(DataFrame(OUTPUT),),
    params=(Script(QUERY, "select * from t1", description="SQLite statements; the last one returns the result."),),
    maps_to="sqlite3 in-memory database: DataFrame.to_sql per input, pandas.read_sql_query of the last statement",
    **implemented_in("nodes.components.transformation._apply_sql_transformation",
                     run_module="nodes.components.transformation._apply_sql_transformation_run"),
)
