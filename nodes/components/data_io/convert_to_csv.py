"""Convert to CSV: the data set as its CSV text, every column a string as a CSV file writes it."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.ports import DataFrame

DATASET = "Dataset"
OUTPUT = "Results dataset"

COMPONENT = Component(
    id="convert_to_csv",
    name="Convert to CSV",
    category="Data Input and Output",
    description="The data set as a CSV file holds it: every value as its CSV text (missing values stay missing), "
                "no column roles or categories.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    row_wise=True,
    maps_to="pandas.DataFrame.to_csv then pandas.read_csv(dtype=str)",
    **implemented_in("nodes.components.data_io._convert_to_csv",
                     run_module="nodes.components.data_io._convert_to_csv_run"),
)
