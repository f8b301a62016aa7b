"""Delimited text to Parquet a block at a time through Arrow's multithreaded streaming CSV reader, with the strict
reader's results (`nodes.reading`): the same delimiter, encoding and header checks, column names and types.

The column types are pandas' on the first rows; `NotStreamable` says the strict (whole-file pandas) reader must
read the file instead, because streaming could not give identical results:
- a file that fits in the first block (streaming buys nothing; the strict reader's messages stay as they are);
- a semicolon file (decimal commas, which Arrow does not parse);
- a first block pandas cannot parse, or with a type Arrow does not take over as it is (unsigned, mixed...), or
  header names Arrow reads differently (a blank name pandas calls "Unnamed: 2");
- a later block that does not convert to the first block's types (a text value in a numeric column, decimals
  in an integer column), a row with fewer fields than the header (pandas fills it with missing values), text
  that is not in the encoding found from the first block, or a missing value in a True/False column (pandas
  makes that column text).
A row with more fields than the header is an error naming its line, as in the strict reader. Memory stays bounded
by Arrow's read-ahead (32 blocks) and one row group, whatever the file's size."""
from __future__ import annotations

import csv
import hashlib
import io
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pc
import pyarrow.parquet as pq
from pandas._libs.parsers import STR_NA_VALUES  # what pandas reads as missing ("", "NA", "null", ...)

from nodes.errors import Cancelled
from nodes.read_options import ReadError, ReadOptions
from nodes.reading import (
    FALLBACK_ENCODING,
    SNIFF_BYTES,
    check_header,
    check_text,
    longer_row,
    pandas_csv,
    pick_separator,
)

HEAD_BYTES = 1 << 20  # the first block: where the delimiter, encoding and header are found
HEAD_ROWS = 10_000  # the first rows: where the column types are found
BLOCK_BYTES = 1 << 20  # what Arrow parses at a time (it reads up to 32 blocks ahead)
ROW_GROUP_BYTES = 1 << 25  # the batches gathered into one Parquet row group (in memory)
TRUE_VALUES, FALSE_VALUES = ["True", "TRUE", "true"], ["False", "FALSE", "false"]  # pandas' booleans
ARROW_TYPES = {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(), "str": pa.string()}

Progress = Callable[[int, int], None]


class NotStreamable(Exception):
    """The file must be read by the strict reader (see the module's docstring for when)."""


@dataclass(frozen=True)
class Streamed:
    """What streaming wrote: the file's dtypes as pandas reads them back, its rows, the options applied and the
    source file's sha256."""

    dtypes: dict[str, str]
    row_count: int
    options: ReadOptions
    source_sha256: str


class _Source:
    """The file Arrow reads natively (its reading threads never call into Python, so an interrupted read leaves
    nothing behind that would), hashed meanwhile on a thread of its own; `check(blocks)` between blocks reports
    the bytes parsed to `progress` and raises Cancelled when `cancelled()` turns true."""

    def __init__(self, path: Path, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        self.path, self.progress, self.cancelled = path, progress, cancelled
        self.total = path.stat().st_size
        self.stream = pa.OSFile(str(path))
        self.digest, self.stopping = hashlib.sha256(), threading.Event()
        self.hashing = threading.Thread(target=self._hash, name="source sha256", daemon=True)
        self.hashing.start()

    def _hash(self) -> None:
        with open(self.path, "rb") as f:
            while not self.stopping.is_set() and (block := f.read(1 << 20)):
                self.digest.update(block)

    def check(self, blocks: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled("registration cancelled")
        if self.progress is not None:
            self.progress(min(blocks * BLOCK_BYTES, self.total), self.total)

    def sha256(self) -> str:
        self.hashing.join()
        return self.digest.hexdigest()

    def stop_hashing(self) -> None:
        """Stop the hashing thread; the stream is left to Arrow, which closes it when its last read is done
        (closing it here could pull the file from under a read still under way)."""
        self.stopping.set()
        self.hashing.join()


class HashingSink(io.RawIOBase):
    """A file written through, hashing what is written."""

    def __init__(self, file: BinaryIO) -> None:
        super().__init__()
        self.file, self.digest, self.size = file, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.file.write(data)


def _encoding(head: bytes, options: ReadOptions) -> str:
    """The given encoding, else UTF-8 when the first block decodes as UTF-8 (a character cut at its end aside)."""
    if options.encoding is not None:
        return options.encoding
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return FALLBACK_ENCODING
    return "utf-8"


def _head_frame(path: Path, head: bytes, options: ReadOptions, separator: str | None,
                encoding: str) -> tuple[pd.DataFrame, str]:
    """pandas' parse of the first HEAD_ROWS rows, and the separator (from the first block)."""
    if "\n".encode(encoding) != b"\n":
        raise NotStreamable(f"lines in {encoding} are not cut at a newline byte")
    encoding = "utf-8-sig" if encoding == "utf-8" else encoding
    text = head[:head.rfind(b"\n") + 1].decode(encoding, errors="replace")
    separator = options.delimiter or separator or pick_separator(text.partition("\n")[0])
    if separator == ";":
        raise NotStreamable("decimal commas")
    try:
        if options.header:
            check_header(path, io.StringIO(text, newline=""), separator)
        frame = pandas_csv(path, separator, options, encoding, HEAD_ROWS)
    except ReadError:  # duplicate names
        raise
    except (ValueError, csv.Error) as error:
        raise NotStreamable(str(error)) from None
    if frame is None or frame.empty:
        raise NotStreamable("no rows, or a row longer than the header")
    return frame, separator


def _column_types(frame: pd.DataFrame) -> dict[str, pa.DataType]:
    try:
        return {str(name): ARROW_TYPES[str(dtype)] for name, dtype in frame.dtypes.items()}
    except KeyError as error:
        raise NotStreamable(f"a {error} column") from None


def stream_csv(path: Path, options: ReadOptions, separator: str | None, sink: BinaryIO,
               progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Streamed:
    """Write a CSV or TSV file (`separator` None: found from the header line) to `sink` as Parquet with LZ4,
    reporting the bytes parsed of the file's size to `progress` after each block; raises NotStreamable (see
    above), ReadError, or Cancelled when `cancelled()` turns true."""
    with open(path, "rb") as file:
        head = file.read(HEAD_BYTES)
    check_text(path, head[:SNIFF_BYTES], options)
    if path.stat().st_size <= SNIFF_BYTES:
        raise NotStreamable("the file fits in one block")
    encoding = _encoding(head, options)
    frame, separator = _head_frame(path, head, options, separator, encoding)
    if not options.header:
        frame.columns = [f"col{i + 1}" for i in range(frame.shape[1])]
    longer: list[bool] = []

    def invalid_row(row: pc.InvalidRow) -> str:
        longer.append(row.actual_columns > row.expected_columns)
        return "error"

    source = _Source(path, progress, cancelled)
    try:
        reader = pc.open_csv(
            source.stream,
            read_options=pc.ReadOptions(block_size=BLOCK_BYTES, encoding=encoding,
                                        column_names=None if options.header else list(frame.columns)),
            parse_options=pc.ParseOptions(delimiter=separator, newlines_in_values=True,  # quoted, as pandas
                                          invalid_row_handler=invalid_row),
            convert_options=pc.ConvertOptions(
                column_types=_column_types(frame), null_values=[*STR_NA_VALUES, *options.missing],
                strings_can_be_null=True, true_values=TRUE_VALUES, false_values=FALSE_VALUES))
        if reader.schema.names != [str(c) for c in frame.columns]:
            raise NotStreamable("Arrow reads other header names")
        rows, nulls = _write(reader, sink, source.check)
        source_sha256 = source.sha256()
    except pa.ArrowInvalid as error:
        if any(longer):
            raise ReadError(f"{path.name} does not parse as CSV: {longer_row(path, separator, encoding)}") from None
        raise NotStreamable(str(error)) from None
    finally:
        source.stop_hashing()
    schema = reader.schema
    if any(nulls[f.name] for f in schema if pa.types.is_boolean(f.type)):
        raise NotStreamable("a missing value in a True/False column")
    dtypes = {f.name: "float64" if pa.types.is_integer(f.type) and nulls[f.name] else str(dtype)
              for f, dtype in zip(schema, frame.dtypes, strict=True)}
    return Streamed(dtypes, rows, replace(options, delimiter=separator, encoding=encoding), source_sha256)


def _write(reader: pc.CSVStreamingReader, sink: BinaryIO, check: Callable[[int], None]) -> tuple[int, dict[str, int]]:
    """Write the batches in row groups of about ROW_GROUP_BYTES (dictionary encoding for text columns only), each
    encoded on a thread of its own while the next one is parsed, calling `check(blocks parsed)` after each block and
    `check(all)` at the end; the rows and the nulls per column."""
    schema = reader.schema
    textual = [f.name for f in schema if pa.types.is_string(f.type)]
    rows, nulls, blocks, pending, pending_bytes = 0, dict.fromkeys(schema.names, 0), 0, [], 0
    encoding: Future | None = None  # the row group being written (one at a time: memory stays bounded)
    with (pq.ParquetWriter(sink, schema, compression="lz4", use_dictionary=textual) as writer,
          ThreadPoolExecutor(1, thread_name_prefix="parquet") as encoder):
        for batch in reader:
            blocks += 1
            check(blocks)
            rows += batch.num_rows
            for name, column in zip(schema.names, batch.columns, strict=True):
                nulls[name] += column.null_count
            pending.append(batch)
            pending_bytes += batch.nbytes
            if pending_bytes >= ROW_GROUP_BYTES:
                if encoding is not None:
                    encoding.result()
                encoding = encoder.submit(writer.write_table, pa.Table.from_batches(pending, schema))
                pending, pending_bytes = [], 0
        if encoding is not None:
            encoding.result()
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema))
        check(sys.maxsize)
    return rows, nulls
