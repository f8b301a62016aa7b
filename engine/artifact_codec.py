"""How artifacts are serialised: Parquet (LZ4) for tables, joblib for anything else (`engine.object_codec`). Kept
apart from `engine.artifacts` so that opening a workspace imports neither Arrow nor joblib, and a job imports joblib
only once it writes or reads a model."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from engine.artifacts import Data
from nodes.lazy import Lazy
from nodes.table import Role, Table

ROLES_KEY = b"designer.roles"
object_bytes = Lazy("engine.object_codec", "object_bytes")


def encode(value: Any) -> tuple[str, Data]:
    """(kind, bytes) of a value: "table" for a Table, "object" for anything else picklable."""
    return ("table", table_bytes(value)) if isinstance(value, Table) else ("object", object_bytes(value))


def table_bytes(table: Table) -> memoryview:
    """Parquet with LZ4; dictionary encoding only for text-like columns (it is slow and useless on floats); no column
    statistics (a third of the time to write, and nothing reads a step's output by range). A view of Arrow's buffer:
    no second copy of a big table's bytes."""
    arrow = pa.Table.from_pandas(table.frame, preserve_index=False)
    roles = json.dumps({k: v.value for k, v in table.roles.items()}).encode()
    arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), ROLES_KEY: roles})
    textual = [f.name for f in arrow.schema if not (pa.types.is_floating(f.type) or pa.types.is_integer(f.type))]
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink, compression="lz4", use_dictionary=textual, write_statistics=False)
    return memoryview(sink.getvalue())


def table_from_bytes(data: Data | pa.Buffer) -> Table:
    arrow = pq.read_table(pa.BufferReader(data))
    roles = json.loads((arrow.schema.metadata or {}).get(ROLES_KEY, b"{}"))
    return Table(arrow.to_pandas(), {k: Role(v) for k, v in roles.items()})


def mapped_table(path: Path, checked: Any) -> Table:
    """The table in a Parquet file, read from its mapped pages (no copy of its bytes in memory) once
    `checked(buffer)` has vouched for them; OSError when the file cannot be opened."""
    with pa.memory_map(str(path)) as mapped:
        return table_from_bytes(checked(mapped.read_buffer()))
