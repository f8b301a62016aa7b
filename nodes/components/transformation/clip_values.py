"""Clip Values: replaces values above an upper threshold (peaks) or below a lower one (subpeaks)."""
from __future__ import annotations

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Float, Mode
from nodes.ports import DataFrame

INPUT = "Input"
OUTPUT = "Result_dataset"
SET = "Set of thresholds"
PEAKS, SUBPEAKS, BOTH = "ClipPeaks", "ClipSubPeaks", "ClipPeaksAndSubpeaks"
THRESHOLD = "Threshold"
CONSTANT, PERCENTILE = "Constant", "Percentile"
UPPER_CONSTANT = "Constant value for upper threshold"
LOWER_CONSTANT = "Constant value for lower threshold"
UPPER_PERCENTILE = "Percentile number for upper threshold"
LOWER_PERCENTILE = "Percentile number for lower threshold"
PEAK_SUBSTITUTE = "Substitute value for peaks"
SUBPEAK_SUBSTITUTE = "Substitute value for subpeaks"
SUBSTITUTES = ["Threshold", "Mean", "Median", "Missing"]
OVERWRITE = "Overwrite flag"
INDICATORS = "Add indicator columns"
COLUMNS = "List of columns"

COMPONENT = Component(
    id="clip_values",
    name="Clip Values",
    category="Data Transformation",
    description="Clips numeric columns at constant or percentile thresholds, substituting the threshold, the "
                "column's mean or median, or a missing value; unchecked Overwrite appends <column>_clipped, and "
                "indicator columns <column>_isClipped flag the changed rows.",
    inputs=(DataFrame(INPUT),),
    outputs=(DataFrame(OUTPUT),),
    params=(Mode(SET, [PEAKS, SUBPEAKS, BOTH], PEAKS),
            Mode(THRESHOLD, [CONSTANT, PERCENTILE], CONSTANT),
            Float(UPPER_CONSTANT, 99.0, parent=(THRESHOLD, (CONSTANT,)), description="Used when clipping peaks."),
            Float(LOWER_CONSTANT, 1.0, parent=(THRESHOLD, (CONSTANT,)), description="Used when clipping subpeaks."),
            Float(UPPER_PERCENTILE, 99.0, min=0.0, max=100.0, parent=(THRESHOLD, (PERCENTILE,)),
                  description="Used when clipping peaks."),
            Float(LOWER_PERCENTILE, 1.0, min=0.0, max=100.0, parent=(THRESHOLD, (PERCENTILE,)),
                  description="Used when clipping subpeaks."),
            Mode(PEAK_SUBSTITUTE, SUBSTITUTES, "Threshold", parent=(SET, (PEAKS, BOTH))),
            Mode(SUBPEAK_SUBSTITUTE, SUBSTITUTES, "Threshold", parent=(SET, (SUBPEAKS, BOTH))),
            Boolean(OVERWRITE, True, description="Replace the columns; unchecked, append <column>_clipped."),
            Boolean(INDICATORS, False, description="Append <column>_isClipped, true where a value was clipped."),
            ColumnPicker(COLUMNS, ColumnSelection.types("Numeric"))),
    maps_to="pandas.Series.where / Series.quantile(percentile / 100) per column (numpy.clip when substituting "
            "the threshold)",
    **implemented_in("nodes.components.transformation._clip_values",
                     run_module="nodes.components.transformation._clip_values_run"),
)
