"""Import Data's implementation: finds the files (or downloads one), reads them with the reading options, and
fingerprints them by path, size and modification time so that a changed file is read again."""
from __future__ import annotations

import glob
import hashlib
import json
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from functools import lru_cache
from pathlib import Path

from nodes import errors
from nodes.components.data_io.import_data import (
    AUTO,
    DELIMITER,
    ENCODING,
    FORMAT,
    HEADER,
    HTTP,
    MISSING,
    OUTPUT,
    PATH,
    REGENERATE,
    SOURCE,
    URL,
)
from nodes.context import DesignContext, RunContext
from nodes.params import Params
from nodes.read_options import FORMATS, ReadError, ReadOptions, parse_delimiter, parse_markers
from nodes.reading import read_files
from nodes.table import Table, TableSchema

PREVIEW_BYTES = 16 << 20  # local sources up to this size are read at design time for their schema
TIMEOUT_SECONDS = 30.0
CHUNK_BYTES = 1 << 20
OPTION_PARAMS = {"delimiter": DELIMITER, "encoding": ENCODING}
Stamp = tuple[tuple[str, int, int], ...]


def options_of(params: Params) -> ReadOptions:
    """The reading options the parameters set (hidden ones at their defaults); a wrong one is error 0002."""
    options = ReadOptions(parse_delimiter(params[DELIMITER]), params[HEADER] is not False, params[ENCODING] or None,
                          parse_markers(params[MISSING]))
    try:
        options.check()
    except ReadError as error:
        raise errors.ComponentError(2, "ParameterParsing", f"{error}.", parameter=OPTION_PARAMS[error.option]) \
            from None
    return options


def file_format(params: Params) -> str | None:
    return None if params[FORMAT] == AUTO else params[FORMAT]


def source_files(params: Params) -> list[Path]:
    """The files a Path names: itself, every file under a folder, or a glob's matches (sorted); with the Auto
    format only the files of a known type among several."""
    text = params[PATH]
    path = Path(text).expanduser()
    if any(c in text for c in "*?["):
        found = [Path(p) for p in sorted(glob.glob(str(path), recursive=True)) if Path(p).is_file()]
    elif path.is_dir():
        found = sorted(p for p in path.rglob("*")
                       if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts))
    elif path.is_file():
        return [path]
    else:
        raise errors.ComponentError(18, "InvalidDataset", f'"{text}": no such file or folder.', parameter=PATH)
    if params[FORMAT] == AUTO:
        known = {suffix for suffixes in FORMATS.values() for suffix in suffixes}
        found = [p for p in found if p.suffix.lower() in known]
    if not found:
        raise errors.ComponentError(18, "InvalidDataset", f'"{text}" matches no file to read.', parameter=PATH)
    return found


def stamp(files: list[Path]) -> Stamp:
    """Each file's path, size and modification time: what changes when a file is replaced or edited."""
    stats = [(str(f.resolve()), f.stat()) for f in files]
    return tuple((name, s.st_size, s.st_mtime_ns) for name, s in stats)


def read(files: list[Path], params: Params, parameter: str) -> Table:
    return _read(files, options_of(params), file_format(params), parameter)


def _read(files: list[Path], options: ReadOptions, fmt: str | None, parameter: str) -> Table:
    try:
        return read_files(files, options, fmt).table
    except ReadError as error:
        raise errors.ComponentError(18, "InvalidDataset", str(error), parameter=parameter) from None


@lru_cache(maxsize=32)
def _schema(files: Stamp, options: ReadOptions, fmt: str | None) -> TableSchema:
    """The schema of files as they are now (a changed file has another stamp, so it is read again)."""
    return _read([Path(name) for name, _, _ in files], options, fmt, PATH).schema


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """A local source's schema, read at design time when the files are small; unknown otherwise."""
    options_of(params)
    if params[SOURCE] == HTTP:
        check_url(params[URL])
        return {OUTPUT: None}
    files = stamp(source_files(params))
    small = sum(size for _, size, _ in files) <= PREVIEW_BYTES
    return {OUTPUT: _schema(files, options_of(params), file_format(params)) if small else None}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    if params[SOURCE] == HTTP:
        with tempfile.TemporaryDirectory(prefix="designer-import-") as folder:
            return {OUTPUT: read([download(ctx, params[URL], Path(folder))], params, URL)}
    files = source_files(params)
    ctx.logger.info("Reading %d file(s): %s", len(files), ", ".join(str(f) for f in files[:10]))
    return {OUTPUT: read(files, params, PATH)}


def content_key(ctx: DesignContext, params: Params) -> str:
    """Unique with Regenerate output; the address of an http source; else the files' paths, sizes and times."""
    if params[REGENERATE]:
        return uuid.uuid4().hex
    if params[SOURCE] == HTTP:
        return params[URL]
    return hashlib.sha256(json.dumps(stamp(source_files(params))).encode()).hexdigest()


def check_url(url: str) -> urllib.parse.ParseResult:
    parsed = urllib.parse.urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise errors.parameter_parsing(URL, url, "http:// or https:// address")
    return parsed


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
