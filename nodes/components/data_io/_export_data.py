"""Export Data's implementation: checks the target, then writes the file atomically (a temporary file renamed)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from nodes import errors
from nodes.components.data_io.export_data import DATASET, FILE_NAME, FOLDER, FORMAT, OUTPUT, SUFFIXES
from nodes.context import DesignContext, RunContext
from nodes.params import Params

if TYPE_CHECKING:  # a table holds a pandas frame; configure loads no data library
    from nodes.table import Table


def target(params: Params) -> Path:
    """<Path>/<File name>.<format>; a URL, or a file name with a folder in it, is error 0002."""
    folder, name = params[FOLDER].strip(), params[FILE_NAME].strip()
    if "://" in folder:
        raise errors.parameter_parsing(FOLDER, folder, "local folder")
    if not name or any(c in name for c in "/\\") or name in (".", ".."):
        raise errors.parameter_parsing(FILE_NAME, name, "file name")
    return Path(folder).expanduser() / f"{name}{SUFFIXES[params[FORMAT]]}"


def write(table: Table, path: Path, file_format: str) -> None:
    frame = table.frame
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if file_format == "parquet":
            frame.to_parquet(temporary, index=False)
        else:
            frame.to_csv(temporary, index=False, sep="\t" if file_format == "tsv" else ",")
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    target(params)
    return {OUTPUT: inputs.get(DATASET)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    table, path = inputs[DATASET], target(params)
    try:
        write(table, path, params[FORMAT])
    except OSError as error:
        raise errors.ComponentError(160, "FailedToWriteOutputs", f"Could not write {path}: {error.strerror or error}.",
                                    parameter=FOLDER) from None
    ctx.logger.info("Wrote %d rows to %s", len(table.frame), path)
    return {OUTPUT: table}
