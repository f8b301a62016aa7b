"""Reading tables from files: CSV and TSV (strict, with reading options), Parquet, JSON and Excel.

The options and formats are `nodes.read_options`. Every failure is a `ReadError` naming the file in one line. `read_file` reads one file, `read_files` several with
identical columns (concatenated), each returning what it applied: the format, the delimiter and encoding found."""
from __future__ import annotations

import csv
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

import pandas as pd

from nodes.read_options import DEFAULT_OPTIONS, FORMATS, TEXT_FORMATS, ReadError, ReadOptions, format_of
from nodes.table import Table

SEPARATORS = ",;\t|"  # what a CSV file may use; its header line tells which
SNIFF_BYTES = 1 << 16
FALLBACK_ENCODING = "latin-1"  # a text file that is not UTF-8 (every byte string decodes)


@dataclass(frozen=True)
class Read:
    """A table as read, with the format and the options applied (delimiter and encoding as found)."""

    table: Table
    format: str
    options: ReadOptions


def read_file(path: Path, options: ReadOptions = DEFAULT_OPTIONS, file_format: str | None = None,
              formats: Sequence[str] = tuple(FORMATS), rows: int | None = None) -> Read:
    """One file as a table, in `file_format` (None: by its suffix among `formats`); only its first `rows` rows
    when given (a preview: CSV, TSV and Excel stop reading there)."""
    path = Path(path)
    options.check()
    file_format = file_format or format_of(path, formats)
    try:
        if file_format in TEXT_FORMATS:
            frame, options = _read_delimited(path, options, None if file_format == "CSV" else "\t", rows)
        elif file_format == "Parquet":
            frame = pd.read_parquet(path)
        elif file_format == "JSON":
            frame = pd.read_json(path, lines=path.suffix.lower() in (".jsonl", ".ndjson"),
                                 encoding=options.encoding or "utf-8")
        else:
            frame = pd.read_excel(path, engine="openpyxl", header=0 if options.header else None,
                                  na_values=list(options.missing), nrows=rows)
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except ReadError:
        raise
    except (ValueError, OSError, KeyError, csv.Error, zipfile.BadZipFile) as error:
        raise ReadError(f"{path.name} does not parse as {file_format.upper()}: {' '.join(str(error).split())}") \
            from None
    if frame.shape[1] == 0:
        raise ReadError(f"{path.name} has no columns")
    frame = frame if rows is None else frame.head(rows)
    if isinstance(frame.columns, pd.RangeIndex) or not options.header and file_format in (*TEXT_FORMATS, "Excel"):
        frame.columns = [f"col{i + 1}" for i in range(frame.shape[1])]
    names = [str(c) for c in frame.columns]
    _check_unique(path, names)
    frame.columns = names
    return Read(Table(frame), file_format, options)


def read_files(paths: Sequence[Path], options: ReadOptions = DEFAULT_OPTIONS, file_format: str | None = None,
               formats: Sequence[str] = tuple(FORMATS)) -> Read:
    """Several files with the same columns as one table, their rows in the files' order."""
    if not paths:
        raise ReadError("no file to read")
    reads = [read_file(path, options, file_format, formats) for path in paths]
    first = reads[0]
    for path, read in zip(paths[1:], reads[1:], strict=True):
        if list(read.table.frame.columns) != list(first.table.frame.columns):
            raise ReadError(f"{Path(path).name} has other columns than {Path(paths[0]).name}; "
                            "the files of a folder must have the same columns")
    if len(reads) == 1:
        return first
    frame = pd.concat([r.table.frame for r in reads], ignore_index=True)
    return Read(Table(frame), first.format, first.options)


def _check_unique(path: Path, names: list[str]) -> None:
    duplicates = [name for name, count in Counter(names).items() if count > 1 and name]
    if duplicates:
        raise ReadError(f"{path.name} has duplicate column names: {', '.join(map(repr, duplicates[:5]))}")


def _read_delimited(path: Path, options: ReadOptions, separator: str | None,
                    rows: int | None = None) -> tuple[pd.DataFrame, ReadOptions]:
    """A strict read: text only (UTF-8, with or without a BOM, else Latin-1, unless an encoding is given); the
    separator of a CSV file (unless given) is the one of `SEPARATORS` that splits its header into the most fields
    (with decimal commas after a semicolon); duplicate header names are refused; a row with more fields than the
    header is an error."""
    with open(path, "rb") as f:
        check_text(path, f.read(SNIFF_BYTES), options)
    separator = options.delimiter or separator
    if options.encoding is not None:
        return _parse(path, replace(options, delimiter=separator), options.encoding, rows)
    try:
        return _parse(path, replace(options, delimiter=separator), "utf-8-sig", rows)
    except UnicodeDecodeError:
        return _parse(path, replace(options, delimiter=separator), FALLBACK_ENCODING, rows)


def check_text(path: Path, head: bytes, options: ReadOptions) -> None:
    """Refuse an empty file, or one whose first block holds binary data (NUL bytes outside UTF-16)."""
    if not head:
        raise pd.errors.EmptyDataError("the file is empty")
    if b"\0" in head and not (options.encoding or "").lower().startswith("utf-16"):
        raise ReadError(f"{path.name} is not a text file (it holds binary data)")


def pick_separator(first_line: str) -> str:
    """The one of `SEPARATORS` that splits a header line into the most fields (a comma on a tie)."""
    return max(SEPARATORS, key=lambda s: (len(next(csv.reader([first_line], delimiter=s), [])), s == ","))


def check_header(path: Path, lines: Iterable[str], separator: str) -> None:
    """Refuse duplicate names in the header row the text `lines` start with."""
    _check_unique(path, next(csv.reader(lines, delimiter=separator), []))


def _parse(path: Path, options: ReadOptions, encoding: str, rows: int | None) -> tuple[pd.DataFrame, ReadOptions]:
    separator = options.delimiter
    with open(path, encoding=encoding, newline="") as f:
        first = f.readline()
        separator = separator or pick_separator(first)
        f.seek(0)
        if options.header:
            check_header(path, f, separator)
    frame = pandas_csv(path, separator, options, encoding, rows)
    if frame is None:
        raise pd.errors.ParserError(longer_row(path, separator, encoding))
    return frame, replace(options, delimiter=separator, encoding="utf-8" if encoding == "utf-8-sig" else encoding)


def pandas_csv(source: Path | IO[str], separator: str, options: ReadOptions, encoding: str,
               rows: int | None = None) -> pd.DataFrame | None:
    """pandas' parse of delimited text (decimal commas after a semicolon), its first `rows` rows if given; None
    when a row has more fields than the header (pandas would take the first column as an index or drop the extra
    fields)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        frame = pd.read_csv(source, sep=separator, index_col=False, encoding=encoding,
                            header=0 if options.header else None, na_values=list(options.missing),
                            decimal="," if separator == ";" else ".", nrows=rows)
    return None if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught) else frame


def longer_row(path: Path, separator: str, encoding: str) -> str:
    """Where the first row with more fields than the header is."""
    with open(path, encoding=encoding, newline="") as f:
        rows = csv.reader(f, delimiter=separator)
        width = len(next(rows, []))
        for row in rows:
            if len(row) > width:
                return f"line {rows.line_num} has {len(row)} fields, the header {width}"
    return "a row has more fields than the header"
