"""Import Data's implementation: finds the files (or downloads one) and reads them with the reading options."""
from __future__ import annotations

import tempfile
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path

from nodes import errors
from nodes.components.data_io._import_data import Stamp, check_url, file_format, options_of, source_files
from nodes.components.data_io.import_data import HTTP, OUTPUT, PATH, SOURCE, URL
from nodes.context import RunContext
from nodes.params import Params
from nodes.read_options import ReadError, ReadOptions
from nodes.reading import read_files
from nodes.schema import TableSchema
from nodes.table import Table

TIMEOUT_SECONDS = 30.0
CHUNK_BYTES = 1 << 20


def read(files: list[Path], params: Params, parameter: str) -> Table:
    return _read(files, options_of(params), file_format(params), parameter)


def _read(files: list[Path], options: ReadOptions, fmt: str | None, parameter: str) -> Table:
    try:
        return read_files(files, options, fmt).table
    except ReadError as error:
        raise errors.ComponentError(18, "InvalidDataset", str(error), parameter=parameter) from None


@lru_cache(maxsize=32)
def file_schema(files: Stamp, options: ReadOptions, fmt: str | None) -> TableSchema:
    """The schema of files as they are now (a changed file has another stamp, so it is read again)."""
    return _read([Path(name) for name, _, _ in files], options, fmt, PATH).schema


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    if params[SOURCE] == HTTP:
        with tempfile.TemporaryDirectory(prefix="designer-import-") as folder:
            return {OUTPUT: read([download(ctx, params[URL], Path(folder))], params, URL)}
    files = source_files(params)
    ctx.logger.info("Reading %d file(s): %s", len(files), ", ".join(str(f) for f in files[:10]))
    return {OUTPUT: read(files, params, PATH)}


def download(ctx: RunContext, url: str, folder: Path) -> Path:
    """The file at `url` in `folder`, under the address's file name (whose extension tells its format)."""
    target = folder / (Path(check_url(url).path).name or "download")
    try:
        with urllib.request.urlopen(url.strip(), timeout=TIMEOUT_SECONDS) as response, open(target, "wb") as f:
            while chunk := response.read(CHUNK_BYTES):
                ctx.check_cancelled()
                f.write(chunk)
    except urllib.error.HTTPError as error:
        raise errors.ComponentError(39, "FailedToCompleteOperation", f'Could not download "{url}": {error}.',
                                    parameter=URL) from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise errors.ComponentError(
            39, "FailedToCompleteOperation",
            f'Could not download "{url}": {reason}. Check the address and that this computer is online.',
            parameter=URL) from None
    return target
