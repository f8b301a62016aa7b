"""Export Data: writes a data set as a CSV, TSV or Parquet file into a folder, and passes it on."""
from __future__ import annotations

import uuid

from nodes.component import Component
from nodes.context import DesignContext
from nodes.lazy import implemented_in
from nodes.params import Boolean, Mode, Params, String
from nodes.ports import DataFrame

DATASET = "Dataset"
OUTPUT = "Exported dataset"
FOLDER, FILE_NAME, FORMAT, REGENERATE = "Path", "File name", "File format", "Regenerate output"
SUFFIXES = {"csv": ".csv", "tsv": ".tsv", "parquet": ".parquet"}


def content_key(ctx: DesignContext, params: Params) -> str:
    """Unique with Regenerate output, so that the file is written on every run."""
    return uuid.uuid4().hex if params[REGENERATE] else ""


COMPONENT = Component(
    id="export_data",
    name="Export Data",
    category="Data Input and Output",
    description="Writes the data set to <Path>/<File name>.<format> (the folder is created; a file there is "
                "replaced) and passes the data set on.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    params=(String(FOLDER, description="The folder to write into."),
            String(FILE_NAME, "data", description="The file's name, without extension."),
            Mode(FORMAT, list(SUFFIXES), "csv"),
            Boolean(REGENERATE, False, description="Write the file on every run, even when its data is unchanged.")),
    content_key=content_key,
    pass_through_in_inference=True,  # an inference pipeline scores without writing files
    maps_to="pandas.DataFrame.to_csv (sep=',' or '\\t', index=False), pandas.DataFrame.to_parquet",
    **implemented_in("nodes.components.data_io._export_data"),
)
