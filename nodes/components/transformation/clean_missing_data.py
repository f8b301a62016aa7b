"""Clean Missing Data: fills, or removes the rows or columns of, missing values; outputs a replayable cleaner."""
from __future__ import annotations

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Float, Mode, String
from nodes.ports import DataFrame, Transformation

NAME = "Clean Missing Data"
DATASET = "Dataset"
CLEANED = "Cleaned dataset"
TRANSFORM = "Cleaning transformation"
COLUMNS = "Columns to be cleaned"
MIN_RATIO = "Minimum missing value ratio"
MAX_RATIO = "Maximum missing value ratio"
CLEANING_MODE = "Cleaning mode"
REPLACEMENT = "Replacement value"
ALL_MISSING = "Cols with all missing values"
INDICATOR = "Generate missing value indicator column"

CUSTOM = "Custom substitution value"
MEAN, MEDIAN, MODE = "Replace with mean", "Replace with median", "Replace with mode"
REMOVE_ROW, REMOVE_COLUMN = "Remove entire row", "Remove entire column"
REPLACE_MODES = (CUSTOM, MEAN, MEDIAN, MODE)

COMPONENT = Component(
    id="clean_missing_data",
    name=NAME,
    category="Data Transformation",
    description="Replaces or removes missing values; the cleaning transformation replays it on new data.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(CLEANED), Transformation(TRANSFORM)),
    params=(ColumnPicker(COLUMNS, ColumnSelection.all()),
            Float(MIN_RATIO, 0.0, min=0.0, max=1.0),
            Float(MAX_RATIO, 1.0, min=0.0, max=1.0),
            Mode(CLEANING_MODE, [*REPLACE_MODES, REMOVE_ROW, REMOVE_COLUMN], CUSTOM),
            String(REPLACEMENT, "0", parent=(CLEANING_MODE, (CUSTOM,))),
            Mode(ALL_MISSING, ["Propagate", "Remove"], "Remove", parent=(CLEANING_MODE, (MEAN, MEDIAN, MODE))),
            Boolean(INDICATOR, False, parent=(CLEANING_MODE, REPLACE_MODES),
                    description="Adds a <column>_isMissing column per cleaned column.")),
    maps_to='pandas: Series.fillna with a constant or a column statistic fitted on this data (mean, median, mode), DataFrame.dropna for the row and column modes; the fitted values are the saved transformation',
    **implemented_in("nodes.components.transformation._clean_missing_data",
                     run_module="nodes.components.transformation._clean_missing_data_run"),
)
