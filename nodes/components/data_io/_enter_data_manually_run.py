"""Enter Data Manually's implementation: parses the typed text as a table."""
from __future__ import annotations

import io

import pandas as pd

from nodes import errors
from nodes.components.data_io.enter_data_manually import DATA, DATA_FORMAT, HAS_HEADER, OUTPUT, SEPARATORS
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table


def parse(params: Params) -> Table:
    header = 0 if params[HAS_HEADER] else None
    try:
        frame = pd.read_csv(io.StringIO(params[DATA]), sep=SEPARATORS[params[DATA_FORMAT]], header=header)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise errors.ComponentError(18, "InvalidDataset", f'"{DATA}" is not valid {params[DATA_FORMAT]}: {error}',
                                    parameter=DATA) from None
    if header is None:
        frame.columns = [f"col{i + 1}" for i in range(frame.shape[1])]
    frame.columns = [str(c) for c in frame.columns]
    return Table(frame)


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: parse(params)}
