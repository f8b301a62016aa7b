"""Join Data: joins two data sets on key columns (inner, left outer, full outer or left semi-join)."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Mode
from nodes.ports import DataFrame

LEFT, RIGHT = "Dataset1", "Dataset2"
OUTPUT = "Results dataset"
LEFT_KEYS = "Join key columns for L"
RIGHT_KEYS = "Join key columns for R"
MATCH_CASE = "Match case"
JOIN_TYPE = "Join type"
KEEP_RIGHT_KEYS = "Keep right key columns in joined table"

INNER, LEFT_OUTER, FULL_OUTER, LEFT_SEMI = "Inner Join", "Left Outer Join", "Full Outer Join", "Left Semi-Join"

COMPONENT = Component(
    id="join_data",
    name="Join Data",
    category="Data Transformation",
    description="Joins Dataset1 and Dataset2 on pairs of key columns; missing keys match nothing, and a right "
                "column whose name is taken gets a numeric suffix (price, price_1).",
    inputs=(DataFrame(LEFT), DataFrame(RIGHT)),
    outputs=(DataFrame(OUTPUT),),
    params=(ColumnPicker(LEFT_KEYS, port=LEFT, description="Key columns of Dataset1."),
            ColumnPicker(RIGHT_KEYS, port=RIGHT, description="Key columns of Dataset2, paired with Dataset1's in each data set's column order."),
            Boolean(MATCH_CASE, True, description="Text keys must match in case; unchecked, case is ignored."),
            Mode(JOIN_TYPE, [INNER, LEFT_OUTER, FULL_OUTER, LEFT_SEMI], INNER),
            Boolean(KEEP_RIGHT_KEYS, True, parent=(JOIN_TYPE, (INNER, LEFT_OUTER, FULL_OUTER)))),
    maps_to="pandas.merge(how='inner' | 'left' | 'outer'); Left Semi-Join keeps Dataset1's rows whose keys "
            "Dataset2 has (DataFrame.isin); Match case off compares Series.str.lower()",
    **implemented_in("nodes.components.transformation._join_data",
                     run_module="nodes.components.transformation._join_data_run"),
)
