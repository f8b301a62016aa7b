"""Summarize Data's implementation: the statistics of each column with pandas; numeric ones only for numbers."""
from __future__ import annotations

import pandas as pd

from nodes.components.statistics._summarize_data import SCHEMA
from nodes.components.statistics.summarize_data import INPUT, OUTPUT, QUANTILES, STATISTICS
from nodes.context import RunContext
from nodes.params import Params
from nodes.schema import ColumnType
from nodes.table import Table, column_type_of


def summary(series: pd.Series) -> dict:
    present = series.dropna()
    mode = present.mode()
    row = {"Feature": str(series.name), "Count": len(present), "Unique Value Count": int(present.nunique()),
           "Missing Value Count": len(series) - len(present), "Mode": str(mode.iloc[0]) if len(mode) else None}
    if not column_type_of(series).numeric or present.empty:
        return row
    values = present.astype("float64")
    mean = values.mean()
    row.update({"Min": values.min(), "Max": values.max(), "Mean": mean, "Mean Deviation": (values - mean).abs().mean(),
                "Range": values.max() - values.min(), "Sample Variance": values.var(),
                "Sample Standard Deviation": values.std(), "Sample Skewness": values.skew(),
                "Sample Kurtosis": values.kurt()})
    row.update({name: values.quantile(q) for name, q in QUANTILES.items()})
    return row


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    frame = inputs[INPUT].frame
    rows = []
    for name in frame.columns:
        ctx.check_cancelled()
        rows.append(summary(frame[name]))
    result = pd.DataFrame(rows, columns=list(STATISTICS))
    for column in SCHEMA.columns:
        result[column.name] = result[column.name].astype(
            "str" if column.type is ColumnType.STRING else "int64" if column.type is ColumnType.INTEGER else "float64")
    return {OUTPUT: Table(result)}
