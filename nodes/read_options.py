"""How a file is read as a table: its format (by suffix) and the reading options of text and Excel files. Free of
pandas, so that commands and dialogs that only name options start fast; `nodes.reading` does the reading."""
from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FORMATS = {"CSV": (".csv", ".txt"), "TSV": (".tsv", ".tab"), "Parquet": (".parquet", ".pq"),
           "JSON": (".json", ".jsonl", ".ndjson"), "Excel": (".xlsx", ".xlsm")}
TEXT_FORMATS = ("CSV", "TSV")


class ReadError(ValueError):
    """A file that cannot be read as a table, or a reading option that is wrong (`option` names it): says which
    and why, in one line."""

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(message)
        self.option = option


@dataclass(frozen=True)
class ReadOptions:
    """How to read a text or Excel file; None means "find out": the delimiter from the header line (CSV), the
    encoding UTF-8 (with or without a BOM) else Latin-1. `missing` are markers read as missing beside pandas'
    own ("", "NA", "NaN", "null", ...), e.g. "?"."""

    delimiter: str | None = None
    header: bool = True
    encoding: str | None = None
    missing: tuple[str, ...] = ()

    def check(self) -> None:
        if self.delimiter is not None and len(self.delimiter) != 1:
            raise ReadError(f"the delimiter {self.delimiter!r} is not one character", "delimiter")
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise ReadError(f'unknown encoding "{self.encoding}"', "encoding") from None

    def describe(self) -> str:
        parts = []
        if self.delimiter is not None:
            parts.append(f"delimiter {self.delimiter!r}")
        if self.encoding is not None:
            parts.append(f"encoding {self.encoding}")
        parts.append("header row" if self.header else "no header row (columns col1..colN)")
        if self.missing:
            parts.append("missing values " + ", ".join(repr(m) for m in self.missing))
        return ", ".join(parts)


DELIMITER_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|", "space": " "}


def parse_delimiter(text: str | None) -> str | None:
    """A delimiter as typed: one character, or a name (comma, semicolon, tab or \\t, pipe, space); blank: None."""
    if text is None or text == "":
        return None
    return DELIMITER_NAMES.get(text.strip().lower(), text)


def parse_markers(text: str | None) -> tuple[str, ...]:
    """Missing-value markers as typed, separated by commas: "?, NA" -> ("?", "NA")."""
    return tuple(m.strip() for m in (text or "").split(",") if m.strip())


DEFAULT_OPTIONS = ReadOptions()


def format_of(path: Path, formats: Sequence[str] = tuple(FORMATS)) -> str:
    """The format a file's suffix names, among `formats`."""
    suffix = path.suffix.lower()
    for name in formats:
        if suffix in FORMATS[name]:
            return name
    known = [FORMATS[name][0] for name in formats]
    known = ", ".join(known[:-1]) + " or " + known[-1] if len(known) > 1 else known[0]
    raise ReadError(f"{path.name}: unsupported file type {suffix or '(none)'}; use {known}")
