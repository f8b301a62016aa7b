"""Enter Data Manually: a small table typed into the properties pane."""
from __future__ import annotations

import io

import pandas as pd

from nodes import errors
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.params import Boolean, Mode, Params, Script
from nodes.ports import DataFrame
from nodes.table import Table

OUTPUT = "Dataset"
SEPARATORS = {"CSV": ",", "TSV": "\t"}


def parse(params: Params) -> Table:
    header = 0 if params["HasHeader"] else None
    try:
        frame = pd.read_csv(io.StringIO(params["Data"]), sep=SEPARATORS[params["DataFormat"]], header=header)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise errors.ComponentError(18, "InvalidDataset", f'"Data" is not valid {params["DataFormat"]}: {error}',
                                    parameter="Data") from None
    if header is None:
        frame.columns = [f"col{i + 1}" for i in range(frame.shape[1])]
    frame.columns = [str(c) for c in frame.columns]
    return Table(frame)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: parse(params).schema}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: parse(params)}


COMPONENT = Component(
    id="enter_data_manually",
    name="Enter Data Manually",
    category="Data Input and Output",
    description="Type or paste a small data set as CSV or TSV.",
    outputs=(DataFrame(OUTPUT),),
    params=(Mode("DataFormat", ["CSV", "TSV"], "CSV"),
            Script("Data", ""),
            Boolean("HasHeader", True)),
    configure=configure,
    run=run,
)
