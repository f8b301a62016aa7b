"""Normalize Data: rescales numeric columns (ZScore, MinMax, Logistic, LogNormal, Tanh); outputs the fitted scaler."""
from __future__ import annotations

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Mode
from nodes.ports import DataFrame, Transformation

NAME = "Normalize Data"
DATASET = "Dataset"
TRANSFORMED = "Transformed dataset"
FUNCTION = "Transformation function"
METHOD = "Transformation method"
COLUMNS = "Columns to transform"
ZERO_CONSTANT = "Use 0 for constant columns when checked"

ZSCORE, MINMAX, LOGISTIC, LOGNORMAL, TANH = "ZScore", "MinMax", "Logistic", "LogNormal", "Tanh"
METHODS = [ZSCORE, MINMAX, LOGISTIC, LOGNORMAL, TANH]

COMPONENT = Component(
    id="normalize_data",
    name=NAME,
    category="Data Transformation",
    description="Rescales numeric columns to a common scale; the transformation function replays it on new data.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(TRANSFORMED), Transformation(FUNCTION)),
    params=(Mode(METHOD, METHODS, ZSCORE),
            ColumnPicker(COLUMNS, ColumnSelection.types("Numeric")),
            Boolean(ZERO_CONSTANT, True, parent=(METHOD, (ZSCORE, MINMAX, LOGNORMAL)),
                    description="Constant columns become 0 rather than missing values.")),
    maps_to='per column, fitted on this data: ZScore (x - mean) / std (ddof=0), MinMax (x - min) / (max - min), Logistic scipy.special.expit, LogNormal scipy.stats.lognorm CDF, Tanh; the fitted values are the saved transformation',
    **implemented_in("nodes.components.transformation._normalize_data",
                     run_module="nodes.components.transformation._normalize_data_run"),
)
