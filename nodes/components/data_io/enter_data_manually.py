"""Enter Data Manually: a small table typed into the properties pane."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, Mode, Script
from nodes.ports import DataFrame

OUTPUT = "Dataset"
DATA_FORMAT, DATA, HAS_HEADER = "DataFormat", "Data", "HasHeader"
SEPARATORS = {"CSV": ",", "TSV": "\t"}

COMPONENT = Component(
    id="enter_data_manually",
    name="Enter Data Manually",
    category="Data Input and Output",
    description="Type or paste a small data set as CSV or TSV.",
    outputs=(DataFrame(OUTPUT),),
    params=(Mode(DATA_FORMAT, list(SEPARATORS), "CSV"),
            Script(DATA, ""),
            Boolean(HAS_HEADER, True)),
    maps_to='pandas.read_csv on the typed text (sep="," or "\\\\t")',
    **implemented_in("nodes.components.data_io._enter_data_manually",
                     run_module="nodes.components.data_io._enter_data_manually_run"),
)
