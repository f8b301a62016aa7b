"""Registered models and transformations: a step's trained model or fitted transformation kept under a name,
versioned, with the job it came from, that job's metrics and the schema of the table it was fitted on.

Registered assets are never garbage-collected (engine/gc.py counts them as referrers); Saved Model and Saved
Transformation nodes read them through the workspace's catalog.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from engine.artifacts import ArtifactRef, ArtifactStore
from engine.dataset_snapshot import AssetEntry
from engine.job_store import JobRecord, JobStore, StepRecord
from engine.store import Store, insert, now
from nodes.ports import PortType
from nodes.registry import Registry, default_registry
from nodes.schema import TableSchema

KINDS = {PortType.MODEL: "model", PortType.TRANSFORMATION: "transformation"}


class AssetError(ValueError):
    """A step output that cannot be registered, or an asset that is not there: says which and why."""


@dataclass(frozen=True)
class AssetInfo:
    id: str
    kind: str  # "model" or "transformation"
    name: str
    version: int
    artifact: str
    schema_artifact: str
    job_id: str | None
    node_id: str | None
    port: str | None
    metrics: dict[str, dict[str, float]]
    input_schema: TableSchema | None
    description: str
    created: str

    @classmethod
    def from_row(cls, row: dict) -> AssetInfo:
        schema = json.loads(row["input_schema"]) if row["input_schema"] else None
        return cls(row["id"], row["kind"], row["name"], row["version"], row["artifact"], row["schema_artifact"],
                   row["job_id"], row["node_id"], row["port"], json.loads(row["metrics"] or "{}"),
                   TableSchema.from_dict(schema) if schema is not None else None, row["description"] or "",
                   row["created"])

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "version": self.version,
                "artifact": self.artifact, "job_id": self.job_id, "node_id": self.node_id, "port": self.port,
                "metrics": self.metrics, "description": self.description, "created": self.created,
                "input_schema": self.input_schema.to_dict() if self.input_schema else None}


def asset_entries(store: Store) -> dict[tuple[str, str, int], AssetEntry]:
    """Every registered version, for the catalog that jobs and Saved Model / Saved Transformation nodes read."""
    rows = store.query("select kind, name, version, artifact, schema_artifact from assets")
    return {(r["kind"], r["name"], r["version"]): AssetEntry(r["artifact"], r["schema_artifact"]) for r in rows}


class Assets:
    """The workspace's registered models and transformations."""

    def __init__(self, store: Store, artifacts: ArtifactStore, jobs: JobStore,
                 registry: Registry | None = None) -> None:
        self.store, self.artifacts, self.jobs = store, artifacts, jobs
        self._registry = registry

    @property
    def registry(self) -> Registry:
        return self._registry or default_registry()

    def register(self, job_id: str, node_id: str, *, port: str | None = None, name: str | None = None,
                 description: str = "") -> AssetInfo:
        """The trained model or fitted transformation that step `node_id` (its id or its unique name) of a job
        produced on `port` (by default its one Model or Transformation output), as a new version of `name`
        (by default "<pipeline>-<step>")."""
        job = self.jobs.get(job_id)
        step = _step(job, node_id)
        ports = {p.name: p.type for p in self.registry[step.component].outputs if p.type in KINDS}
        if port is None and len(ports) != 1:
            raise AssetError(f'"{step.name}" has {"no" if not ports else "several"} model or transformation '
                             f"outputs{'' if not ports else ': choose one of ' + ', '.join(ports)}")
        port = port or next(iter(ports))
        if port not in ports:
            raise AssetError(f'"{step.name}" has no model or transformation output "{port}" '
                             f"(it has: {', '.join(ports) or 'none'})")
        if port not in step.outputs:
            raise AssetError(f'"{step.name}" of job {job_id} did not complete (status {step.status}): its output '
                             f'"{port}" is not there to register')
        value = self.artifacts.load(ArtifactRef.from_dict(step.outputs[port]))
        return self.save(KINDS[ports[port]], name or f"{job.pipeline.name}-{step.name}", value, job=job,
                         node_id=step.node_id, port=port, description=description)

    def save(self, kind: str, name: str, value: Any, *, job: JobRecord | None = None, node_id: str | None = None,
             port: str | None = None, description: str = "") -> AssetInfo:
        """`value` (a trained model or fitted transformation, with its `schema`) as the next version of `name`;
        when the latest version already holds the very same artifact, that version is returned instead."""
        if not name.strip():
            raise AssetError(f"a registered {kind} needs a name")
        ref, schema_ref = self.artifacts.put(value), self.artifacts.put(value.schema)
        input_schema = self._input_schema(job, node_id) if job is not None and node_id is not None else None
        with self.store.write() as conn:
            latest = next(self.store.query("select * from assets where kind = ? and name = ? "
                                           "order by version desc limit 1", [kind, name]), None)
            if latest is not None and latest["artifact"] == ref.sha256:
                return AssetInfo.from_row(latest)
            row = {"id": str(uuid.uuid4()), "kind": kind, "name": name,
                   "version": (latest["version"] if latest else 0) + 1, "artifact": ref.sha256,
                   "schema_artifact": schema_ref.sha256, "job_id": job.id if job else None, "node_id": node_id,
                   "port": port, "metrics": json.dumps(_metrics(job) if job else {}),
                   "input_schema": json.dumps(input_schema.to_dict()) if input_schema else None,
                   "description": description, "created": now()}
            insert(conn, "assets", row)
        return AssetInfo.from_row(row)

    def list(self, kind: str | None = None) -> list[AssetInfo]:
        sql = "select * from assets" + (" where kind = ?" if kind else "") + " order by kind, name, version"
        return [AssetInfo.from_row(r) for r in self.store.query(sql, [kind] if kind else [])]

    def get(self, name: str, version: int | None = None, kind: str | None = None) -> AssetInfo:
        """A version of a registered asset (the latest when `version` is None); AssetError if there is none."""
        where = ["name = ?"] + (["version = ?"] if version is not None else []) + (["kind = ?"] if kind else [])
        args = [name] + ([version] if version is not None else []) + ([kind] if kind else [])
        rows = list(self.store.query(f"select * from assets where {' and '.join(where)} "
                                     "order by version desc limit 1", args))
        if not rows:
            which = f'"{name}"' + (f" version {version}" if version is not None else "")
            raise AssetError(f"no registered {kind or 'model or transformation'} {which}")
        return AssetInfo.from_row(rows[0])

    def _input_schema(self, job: JobRecord, node_id: str) -> TableSchema | None:
        """The schema of the table the step was fitted on: what fed its data set input in that job."""
        component = self.registry[job.pipeline.node(node_id).component]
        tables = {p.name for p in component.inputs if p.type is PortType.DATAFRAME}
        edge = next((e for e in job.pipeline.incoming(node_id) if e.target_port in tables), None)
        source = job.step(edge.source).outputs.get(edge.source_port) if edge else None
        return self.artifacts.load(ArtifactRef.from_dict(source)).schema if source else None


def _step(job: JobRecord, node: str) -> StepRecord:
    """The job's step with this node id, or with this name if exactly one step has it."""
    found = [s for s in job.steps if s.node_id == node] or [s for s in job.steps if s.name == node]
    if len(found) != 1:
        raise AssetError(f'job {job.id} has {"no" if not found else "several"} step(s) "{node}"'
                         + ("; give its node id" if found else ""))
    return found[0]


def _metrics(job: JobRecord) -> dict[str, dict[str, float]]:
    """The job's metrics by step name (e.g. {"Evaluate Model": {"Mean Absolute Error": ...}})."""
    names = {s.node_id: s.name for s in job.steps}
    return {names.get(node_id, node_id): values for node_id, values in job.metrics.items()}
