"""Batch scoring in chunks: a batch pipeline whose data flows from one data set through row-wise components only
(Select Columns, Apply Transformation, Score Model, ...) is evaluated a chunk of rows at a time, and each node's
tables are written chunk by chunk into Parquet files, so a data set larger than memory scores in bounded memory.

`stream` only reads and writes artifact files; the scheduler records what it wrote (see `JobRun`).
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from engine.artifact_codec import ROLES_KEY
from engine.artifacts import ArtifactError, ArtifactFiles, ArtifactRef, Written
from engine.evaluate import Partial, Values
from engine.graph import downstream
from engine.pipeline import Pipeline
from nodes.context import CancelSignal, DatasetCatalog
from nodes.errors import Cancelled
from nodes.params import dataset_param
from nodes.ports import PortType
from nodes.registry import Registry
from nodes.table import Role, Table

CHUNK_ROWS = 100_000
SOURCE_PORT = "Dataset"


@dataclass(frozen=True)
class ChunkPlan:
    """Which node's rows are read in chunks, and which nodes see them (the others run once)."""

    source: str
    streamed: frozenset[str]
    constant: frozenset[str]


def chunk_plan(pipeline: Pipeline, registry: Registry) -> ChunkPlan | None:
    """The plan for a batch pipeline with one data set source feeding only row-wise components; None otherwise
    (the job then runs step by step)."""
    if pipeline.kind != "batch" or any(n.component not in registry for n in pipeline.nodes):
        return None
    sources = [n.id for n in pipeline.nodes if dataset_param(registry[n.component].params) is not None]
    if len(sources) != 1:
        return None
    streamed = frozenset(downstream(pipeline, sources[0]))
    for node in pipeline.nodes:
        component = registry[node.component]
        if node.id in streamed and not (component.row_wise and
                                        all(p.type is PortType.DATAFRAME for p in component.outputs)):
            return None
    if not streamed:
        return None
    constant = frozenset(n.id for n in pipeline.nodes if n.id not in streamed and n.id != sources[0])
    return ChunkPlan(sources[0], streamed, constant)


class _Writers:
    """One Parquet file per streamed output, opened on its first chunk with that chunk's schema and roles."""

    def __init__(self, files: ArtifactFiles) -> None:
        self.files = files
        self.open: dict[tuple[str, str], tuple[pq.ParquetWriter, Path]] = {}

    def write(self, key: tuple[str, str], table: Table) -> None:
        if key not in self.open:
            arrow = pa.Table.from_pandas(table.frame, preserve_index=False)
            roles = json.dumps({k: v.value for k, v in table.roles.items()}).encode()
            schema = arrow.schema.with_metadata({**(arrow.schema.metadata or {}), ROLES_KEY: roles})
            textual = [f.name for f in schema if not (pa.types.is_floating(f.type) or pa.types.is_integer(f.type))]
            descriptor, path = self.files.temporary()
            os.close(descriptor)  # the Parquet writer opens the file itself
            self.open[key] = (pq.ParquetWriter(path, schema, compression="lz4", use_dictionary=textual), path)
        writer, _ = self.open[key]
        writer.write_table(pa.Table.from_pandas(table.frame, schema=writer.schema, preserve_index=False))

    def close(self, files: ArtifactFiles) -> dict[tuple[str, str], Written]:
        written = {}
        for key, (writer, path) in self.open.items():
            writer.close()
            written[key] = files.adopt(path, "table")
        return written


def stream(plan: ChunkPlan, pipeline: Pipeline, registry: Registry, catalog: DatasetCatalog, source: ArtifactRef,
           files: ArtifactFiles, *, chunk_rows: int = CHUNK_ROWS,
           progress: Callable[[float], None] = lambda fraction: None,
           cancel: CancelSignal | None = None) -> tuple[Values, dict[tuple[str, str], Written]]:
    """Evaluate the pipeline over the source data set chunk by chunk: returns the once-computed outputs of the
    constant nodes and the files of every streamed table output (node, port)."""
    partial = Partial(pipeline, {plan.source}, registry, catalog, cancel=cancel)
    path = files.path(source)
    if not files.intact(source):
        raise ArtifactError(f"artifact {source.sha256[:12]} is missing or altered on disk; refusing to read it")
    parquet = pq.ParquetFile(path)
    roles = {k: Role(v) for k, v in json.loads((parquet.schema_arrow.metadata or {}).get(ROLES_KEY, b"{}")).items()}
    writers = _Writers(files)
    total, done = max(parquet.metadata.num_rows, 1), 0
    try:
        chunks = parquet.iter_batches(batch_size=chunk_rows)
        for chunk in _with_empty_fallback(chunks, parquet.schema_arrow):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            table = Table(pa.Table.from_batches([chunk], parquet.schema_arrow).to_pandas(), roles)
            outputs = partial({plan.source: {SOURCE_PORT: table}}, keep=plan.streamed, cancel=cancel)
            for node_id, values in outputs.items():
                for port, value in values.items():
                    writers.write((node_id, port), value)
            done += chunk.num_rows
            progress(min(done / total, 1.0))
        return partial.constants, writers.close(files)
    except BaseException:
        for writer, tmp in writers.open.values():
            writer.close()
            tmp.unlink(missing_ok=True)
        raise


def _with_empty_fallback(chunks: Any, schema: pa.Schema) -> Any:
    """The chunks, or one empty chunk for an empty data set (its outputs still have their columns)."""
    seen = False
    for chunk in chunks:
        seen = True
        yield chunk
    if not seen:
        yield pa.RecordBatch.from_pylist([], schema=schema)
