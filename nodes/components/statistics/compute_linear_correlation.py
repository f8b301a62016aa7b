"""Compute Linear Correlation: the Pearson correlation of every pair of numeric columns."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame

DATASET = "Dataset"
OUTPUT = "Results dataset"
FEATURE = "Feature"

COMPONENT = Component(
    id="compute_linear_correlation",
    name="Compute Linear Correlation",
    category="Statistical Functions",
    description="The Pearson correlation matrix of the numeric and boolean columns (pairwise complete rows): one "
                "row per column, named in the first column.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    maps_to="pandas.DataFrame.corr(method='pearson') over the numeric and boolean columns",
    **implemented_in("nodes.components.statistics._compute_linear_correlation",
                     run_module="nodes.components.statistics._compute_linear_correlation_run"),
)
