"""One step, pure and picklable: `execute_step(StepSpec) -> StepOutcome`.

A step reads its inputs (in-memory values, or artifact references read from the workspace's artifact folder and
checked against their sha256), runs its component with a per-step log, and writes its outputs as artifact files
(a scheduler in the same process may take its big tables to write in the background: `defer_writes_from`).
It touches no database and publishes no event: what it has to say while it runs (started, progress, metrics) goes
to the spec's channel, and the scheduler records it. It runs the same on a thread, in a worker process, or on any
machine that shares the artifact folder.
"""
from __future__ import annotations

import os
import time
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from engine.artifacts import ArtifactError, ArtifactFiles, ArtifactRef, Written
from engine.disk_full import DiskFull
from engine.step_logs import capture, step_logger
from nodes.component import Component
from nodes.context import CancelSignal, DatasetCatalog, RunContext, StoredObject, StoredTable
from nodes.errors import Cancelled, ComponentError
from nodes.params import Params
from nodes.table import Table

PROGRESS_INTERVAL_SECONDS = 0.1
STORED = (StoredTable, StoredObject)  # what the workspace holds already: handed on by reference


@dataclass(frozen=True)
class Report:
    """What a running step tells its scheduler: `kind` is "running", "progress" or "metric"."""

    job_id: str
    node_id: str
    kind: str
    time: float
    progress: float | None = None
    message: str | None = None
    metric: tuple[str, float] | None = None


class Channel(Protocol):
    """Where a step's reports go: a `queue.Queue` in the same process, a manager queue across processes."""

    def put(self, item: Report) -> None: ...


@dataclass(frozen=True)
class CancelFlag:
    """A job's cancellation, seen by steps in any thread or process that shares the workspace: a file."""

    path: str

    def is_set(self) -> bool:
        return os.path.exists(self.path)

    def set(self) -> None:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        Path(self.path).touch()

    def clear(self) -> None:
        Path(self.path).unlink(missing_ok=True)


@dataclass(frozen=True)
class StepSpec:
    """Everything one step needs: the component (by reference: id and version travel with it), its resolved
    parameters, and its inputs by port, each an in-memory value or an `ArtifactRef` to read from `artifacts`."""

    job_id: str
    node_id: str
    component: Component
    params: Params
    inputs: Mapping[str, Any] = field(default_factory=dict)
    artifacts: str | None = None  # the artifact folder: where references are read and outputs written
    catalog: DatasetCatalog | None = None
    cancel: CancelSignal | None = None
    channel: Channel | None = None
    keep_values: bool = True  # return the output values too (a scheduler in the same process hands them on)
    defer_writes_from: int | None = None  # tables of at least this many cells are left for the scheduler to write


@dataclass
class StepOutcome:
    """How a step ended: status (Completed, Failed or Canceled), outputs, metrics, log, error and timings; an
    output in `outputs` but not in `written` is one the step left for its scheduler to write."""

    status: str
    outputs: dict[str, Any] = field(default_factory=dict)
    written: dict[str, Written] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    logs: str = ""
    error: dict | None = None
    started: float = 0.0
    duration: float = 0.0


def run_component(component: Component, params: Params, inputs: Mapping[str, Any], ctx: RunContext) -> dict[str, Any]:
    """The component's outputs by port, checked complete; what both the job runner and in-memory evaluation call."""
    produced = component.run(ctx, dict(inputs), params) or {}
    missing = [p.name for p in component.outputs if p.name not in produced]
    if missing:
        raise ComponentError(2000, "UserError", f"{component.name} produced no output for {', '.join(missing)}.")
    ctx.check_cancelled()
    return {p.name: produced[p.name] for p in component.outputs}


def error_dict(node_id: str, component: Component, error: ComponentError) -> dict:
    return {**error.to_dict(), "node": node_id, "node_name": component.name}


def _context(spec: StepSpec) -> RunContext:
    last = [0.0]

    def report(kind: str, **fields: Any) -> None:
        if spec.channel is not None:
            spec.channel.put(Report(spec.job_id, spec.node_id, kind, time.time(), **fields))

    def on_progress(fraction: float, message: str | None) -> None:
        if fraction >= 1.0 or time.monotonic() - last[0] >= PROGRESS_INTERVAL_SECONDS:
            last[0] = time.monotonic()
            report("progress", progress=fraction, message=message)

    report("running")
    return RunContext(catalog=spec.catalog, logger=step_logger(), cancel_event=spec.cancel, on_progress=on_progress,
                      on_metric=lambda name, value: report("metric", metric=(name, value)))


def execute_step(spec: StepSpec) -> StepOutcome:
    """Run one step to its end; every failure becomes a Failed outcome with a coded error and the log kept."""
    outcome = StepOutcome("Running", started=time.time())
    if spec.cancel is not None and spec.cancel.is_set():
        outcome.status = "Canceled"
        return outcome
    files = ArtifactFiles(spec.artifacts) if spec.artifacts else None
    ctx = _context(spec)
    with capture() as log:
        try:
            values = {port: files.read(v) if files and isinstance(v, ArtifactRef) else v
                      for port, v in spec.inputs.items()}
            produced = run_component(spec.component, spec.params, values, ctx)
            if files:
                outcome.written = {port: write_output(files, port, value) for port, value in produced.items()
                                   if not _deferred(spec, value)}
                ctx.check_cancelled()
            else:
                produced = {port: resolved(value, ctx.catalog) for port, value in produced.items()}
            fresh = {port: value for port, value in produced.items() if not isinstance(value, STORED)}
            outcome.outputs = fresh if spec.keep_values else {}
            outcome.status = "Completed"
        except Cancelled:
            outcome.status = "Canceled"
        except ComponentError as error:
            outcome.status, outcome.error = "Failed", error_dict(spec.node_id, spec.component, error)
            print(str(error))
        except ArtifactError as error:
            _fail(outcome, spec, ComponentError(158, "InvalidDirectory", str(error)))
        except Exception as error:  # a crash inside a component or library: keep the trace in the log
            traceback.print_exc()
            _fail(outcome, spec, ComponentError(1000, "LibraryException", f"{type(error).__name__}: {error}"))
    outcome.metrics = dict(ctx.metrics)
    outcome.logs = log.getvalue()
    outcome.duration = time.time() - outcome.started
    return outcome


def resolved(value: Any, catalog: DatasetCatalog) -> Any:
    """A stored data set, model or transformation loaded through the catalog (where there is no artifact folder
    to hand it on from)."""
    if isinstance(value, StoredTable):
        return catalog.load_dataset(value.name, value.version)
    if isinstance(value, StoredObject):
        return catalog.load_asset(value.kind, value.name, value.version)
    return value


def _deferred(spec: StepSpec, value: Any) -> bool:
    return (spec.defer_writes_from is not None and isinstance(value, Table)
            and value.frame.size >= spec.defer_writes_from)


def write_output(files: ArtifactFiles, port: str, value: Any) -> Written:
    """An output's artifact: written (or found intact), or, for a stored data set or asset, the one it already is;
    a write that fails raises a ComponentError (a full disk) or an ArtifactError that says which output."""
    if isinstance(value, STORED):
        return Written(ArtifactRef(value.key, "table" if isinstance(value, StoredTable) else "object"), None)
    try:
        return files.write(value)
    except DiskFull as error:
        raise ComponentError(160, "FailedToWriteOutputs", str(error)) from error
    except OSError as error:
        raise ArtifactError(f'could not write the output "{port}" to {files.root}: {error}') from error


def _fail(outcome: StepOutcome, spec: StepSpec, error: ComponentError) -> None:
    outcome.status, outcome.error = "Failed", error_dict(spec.node_id, spec.component, error)
    print(str(error))
