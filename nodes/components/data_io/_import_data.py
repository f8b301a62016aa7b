"""Import Data's design-time side: the reading options and the files checked, the files fingerprinted by path,
size and modification time (so that a changed file is read again), and a small local source's schema, which
pandas reads (`_import_data_run.file_schema`): validating such a node loads pandas."""
from __future__ import annotations

import glob
import hashlib
import json
import urllib.parse
import uuid
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
from nodes.context import DesignContext
from nodes.lazy import Lazy
from nodes.params import Params
from nodes.read_options import FORMATS, ReadError, ReadOptions, parse_delimiter, parse_markers

PREVIEW_BYTES = 16 << 20  # local sources up to this size are read at design time for their schema
OPTION_PARAMS = {"delimiter": DELIMITER, "encoding": ENCODING}
Stamp = tuple[tuple[str, int, int], ...]
_file_schema = Lazy("nodes.components.data_io._import_data_run", "file_schema")


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


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """A local source's schema, read at design time when the files are small; unknown otherwise."""
    options_of(params)
    if params[SOURCE] == HTTP:
        check_url(params[URL])
        return {OUTPUT: None}
    files = stamp(source_files(params))
    small = sum(size for _, size, _ in files) <= PREVIEW_BYTES
    return {OUTPUT: _file_schema(files, options_of(params), file_format(params)) if small else None}


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
