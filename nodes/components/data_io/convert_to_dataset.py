"""Convert to Dataset: marks a custom value as missing, or replaces missing or custom values with a new one."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Mode, String
from nodes.ports import DataFrame

DATASET = "Dataset"
OUTPUT = "Results dataset"
ACTION, CUSTOM_MISSING, REPLACE = "Action", "Custom Missing Value", "Replace"
CUSTOM_VALUE, NEW_VALUE = "Custom Value", "New Value"
NONE, SET_MISSING, REPLACE_VALUES = "None", "SetMissingValues", "ReplaceValues"
MISSING, CUSTOM = "Missing", "Custom"

COMPONENT = Component(
    id="convert_to_dataset",
    name="Convert to Dataset",
    category="Data Input and Output",
    description="Passes the data set on, optionally setting a custom value to missing or replacing missing or "
                "custom values; then text columns whose values all read as numbers become numeric.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    params=(Mode(ACTION, [NONE, SET_MISSING, REPLACE_VALUES], NONE),
            String(CUSTOM_MISSING, "?", parent=(ACTION, (SET_MISSING,)),
                   description="The value that stands for a missing one."),
            Mode(REPLACE, [MISSING, CUSTOM], MISSING, parent=(ACTION, (REPLACE_VALUES,))),
            String(CUSTOM_VALUE, "obs", parent=(REPLACE, (CUSTOM,)), description="The value to replace."),
            String(NEW_VALUE, "0", parent=(ACTION, (REPLACE_VALUES,)),
                   description="The replacement, converted to each column's type.")),
    maps_to="pandas.Series.mask / fillna per column; pandas.to_numeric on text columns",
    **implemented_in("nodes.components.data_io._convert_to_dataset",
                     run_module="nodes.components.data_io._convert_to_dataset_run"),
)
