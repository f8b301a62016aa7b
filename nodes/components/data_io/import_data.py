"""Import Data: a table read from local files (one file, a folder, or a glob) or from an http(s) address."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import Lazy, implemented_in
from nodes.params import Boolean, Mode, String
from nodes.ports import DataFrame

OUTPUT = "Results dataset"
SOURCE, PATH, URL = "Data source", "Path", "URL"
LOCAL, HTTP = "Path", "URL via HTTP"
FORMAT, DELIMITER, HEADER = "File format", "Delimiter", "Has header row"
ENCODING, MISSING, REGENERATE = "Encoding", "Missing value markers", "Regenerate output"
AUTO = "Auto"
FILE_FORMATS = (AUTO, "CSV", "TSV", "Parquet", "JSON", "Excel")
TEXT = (AUTO, "CSV", "TSV")

COMPONENT = Component(
    id="import_data",
    name="Import Data",
    category="Data Input and Output",
    description="Reads a CSV, TSV, Parquet, JSON or Excel file, every file of a folder or glob (concatenated), or "
                "a file at an http(s) address.",
    outputs=(DataFrame(OUTPUT),),
    params=(Mode(SOURCE, [LOCAL, HTTP], LOCAL),
            String(PATH, parent=(SOURCE, (LOCAL,)),
                   description="A file, a folder (all its files) or a glob such as data/*.csv or data/**/*.csv; "
                               "the files' columns must be the same."),
            String(URL, parent=(SOURCE, (HTTP,)), description="An http:// or https:// address of a file."),
            Mode(FORMAT, list(FILE_FORMATS), AUTO, description="Auto: by the file name's extension."),
            String(DELIMITER, "", required=False, parent=(FORMAT, TEXT),
                   description="One character, or comma, semicolon, tab, pipe, space; blank: found from the "
                               "header line (tab for TSV)."),
            Boolean(HEADER, True, parent=(FORMAT, (*TEXT, "Excel")),
                    description="Off: the first line is data and the columns are named col1..colN."),
            String(ENCODING, "", required=False, parent=(FORMAT, (*TEXT, "JSON")),
                   description="Blank: UTF-8 (with or without a BOM), else Latin-1."),
            String(MISSING, "", required=False, parent=(FORMAT, (*TEXT, "Excel")),
                   description='Values read as missing, separated by commas, e.g. "?, -"; blanks, NA, NaN and '
                               "null are missing anyway."),
            Boolean(REGENERATE, False, description="Read the source again on every run, even when unchanged.")),
    content_key=Lazy("nodes.components.data_io._import_data", "content_key"),
    maps_to="pandas.read_csv (sep, header, encoding, na_values), pandas.read_parquet, pandas.read_json, "
            "pandas.read_excel (openpyxl); files of a folder or glob joined with pandas.concat",
    **implemented_in("nodes.components.data_io._import_data",
                     run_module="nodes.components.data_io._import_data_run"),
)
