"""Convert to CSV's implementation: a round trip through CSV text, every column read back as strings."""
from __future__ import annotations

import io

import pandas as pd

from nodes.components.data_io.convert_to_csv import DATASET, OUTPUT
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    frame = inputs[DATASET].frame
    text = frame.to_csv(index=False)
    converted = pd.read_csv(io.StringIO(text), dtype="str", keep_default_na=False, na_values=[""])
    converted.columns = list(frame.columns)  # a name pandas would mangle (a duplicate, "Unnamed") stays as it was
    return {OUTPUT: Table(converted)}
