"""Group Data into Bins: puts the values of numeric columns into bins (quantiles, equal widths or custom edges)."""
from __future__ import annotations

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.output_mode import APPEND, INPLACE
from nodes.params import Boolean, ColumnPicker, Int, Mode, String
from nodes.ports import DataFrame, Transformation

NAME = "Group Data into Bins"
DATASET = "Dataset"
OUTPUT = "Quantized dataset"
TRANSFORM = "Binning transformation"
MODE = "Binning mode"
QUANTILES, EQUAL_WIDTH, CUSTOM_EDGES = "Quantiles", "Equal Width", "Custom Edges"
COLUMNS = "Columns to bin"
OUTPUT_MODE = "Output mode"
RESULT_ONLY = "Result Only"
CATEGORICAL = "Tag columns as categorical"
BINS = "Number of bins"
NORMALIZATION = "Quantile normalization"
PERCENT, PQUANTILE, INDEX = "Percent", "PQuantile", "Quantile Index"
EDGES = "Comma-separated list of bin edges"

COMPONENT = Component(
    id="group_data_into_bins",
    name=NAME,
    category="Data Transformation",
    description="Replaces numbers by their bin (1 to n; with quantiles optionally as a percent or a fraction), "
                "appended as <column>_quantized, in place or alone; the binning transformation replays the fitted "
                "edges on new data (values beyond them fall in the first or last bin).",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT), Transformation(TRANSFORM)),
    params=(Mode(MODE, [QUANTILES, EQUAL_WIDTH, CUSTOM_EDGES], QUANTILES),
            ColumnPicker(COLUMNS, ColumnSelection.types("Numeric")),
            Mode(OUTPUT_MODE, [APPEND, INPLACE, RESULT_ONLY], APPEND),
            Boolean(CATEGORICAL, True),
            Int(BINS, 10, min=1, parent=(MODE, (QUANTILES, EQUAL_WIDTH))),
            Mode(NORMALIZATION, [PERCENT, PQUANTILE, INDEX], PERCENT, parent=(MODE, (QUANTILES,)),
                 description="Bin i of n as 100 i / n (Percent), i / n (PQuantile) or i (Quantile Index)."),
            String(EDGES, "0", parent=(MODE, (CUSTOM_EDGES,)),
                   description="Ascending edges; k edges make k + 1 bins, each closed on the right.")),
    maps_to="pandas.qcut(q=bins, labels=False, duplicates='drop') + 1 (Quantiles), pandas.cut(bins, labels=False) "
            "+ 1 (Equal Width, Custom Edges between -inf and +inf), replayed with numpy.searchsorted",
    **implemented_in("nodes.components.transformation._group_data_into_bins_design",
                     run_module="nodes.components.transformation._group_data_into_bins"),
)
