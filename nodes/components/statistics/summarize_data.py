"""Summarize Data: one row of descriptive statistics per column of the data set."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame

INPUT = "Input"
OUTPUT = "Result_dataset"
COUNTS = ("Count", "Unique Value Count", "Missing Value Count")
QUANTILES = {"1st quantile": 0.25, "Median": 0.5, "3rd quantile": 0.75, "P0.5": 0.005, "P1": 0.01, "P5": 0.05,
             "P95": 0.95, "P99": 0.99, "P99.5": 0.995}
STATISTICS = ("Feature", *COUNTS, "Min", "Max", "Mean", "Mean Deviation", "1st quantile", "Median", "3rd quantile",
              "Mode", "Range", "Sample Variance", "Sample Standard Deviation", "Sample Skewness", "Sample Kurtosis",
              "P0.5", "P1", "P5", "P95", "P99", "P99.5")

COMPONENT = Component(
    id="summarize_data",
    name="Summarize Data",
    category="Statistical Functions",
    description="Counts, missing values, mode and, for numeric columns, range, moments and percentiles: one row "
                "per column.",
    inputs=(DataFrame(INPUT),),
    outputs=(DataFrame(OUTPUT),),
    maps_to="pandas.Series.count / nunique / isna / min / max / mean / quantile (linear) / mode / var (ddof=1) / "
            "std (ddof=1) / skew / kurt; Mean Deviation = mean(|x - mean|)",
    **implemented_in("nodes.components.statistics._summarize_data",
                     run_module="nodes.components.statistics._summarize_data_run"),
)
