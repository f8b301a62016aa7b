"""Runs one job: a topological schedule of steps on a thread pool, with reuse, cancellation and events."""
from __future__ import annotations

import threading
import time
import traceback
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass, field
from typing import Any

from engine.artifacts import ArtifactError, ArtifactRef
from engine.events import EventBus, JobEvent, MetricEvent, StepEvent
from engine.fingerprint import node_fingerprint, output_fingerprint
from engine.graph import dependencies, topological_order
from engine.job_store import JobStore
from engine.pipeline import LOCAL_COMPUTE, Node, Pipeline
from engine.step_logs import capture, step_logger
from engine.workspace import Workspace
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.errors import Cancelled, ComponentError
from nodes.params import Params
from nodes.registry import Registry

CANCEL_POLL_SECONDS = 0.25
PROGRESS_INTERVAL_SECONDS = 0.1
_UNSET = object()


@dataclass
class Output:
    """One output of a step: its artifact, and its value when this job computed or loaded it."""

    ref: ArtifactRef
    fingerprint: str
    value: Any = _UNSET


@dataclass
class StepResult:
    status: str
    outputs: dict[str, Output] = field(default_factory=dict)
    error: dict | None = None
    logs: str = ""
    started: float = 0.0
    duration: float = 0.0


class JobRun:
    """The execution of one job; `execute()` blocks until every step has ended."""

    def __init__(self, job_id: str, pipeline: Pipeline, *, registry: Registry, workspace: Workspace, bus: EventBus,
                 executors: Mapping[str, Executor], regenerate: bool = False) -> None:
        self.job_id, self.pipeline, self.registry = job_id, pipeline, registry
        self.workspace, self.bus, self.executors, self.regenerate = workspace, bus, executors, regenerate
        self.jobs: JobStore = workspace.jobs
        self.cancel_event = threading.Event()
        self.nodes = {n.id: n for n in pipeline.nodes}
        self.outputs: dict[tuple[str, str], Output] = {}
        self.fingerprints: dict[str, str] = {}
        self.status: dict[str, str] = {n.id: "NotStarted" for n in pipeline.nodes}
        self.errors: list[str] = []

    def cancel(self) -> None:
        self.cancel_event.set()

    def _name(self, node_id: str) -> str:
        node = self.nodes[node_id]
        return self.registry[node.component].name if node.component in self.registry else node.component

    def _step_event(self, node_id: str, status: str, **fields: Any) -> None:
        if status != "Running" or fields.get("progress") is None:
            self.status[node_id] = status
        self.bus.publish(StepEvent(self.job_id, node_id, self._name(node_id), status, **fields))

    def execute(self) -> str:
        order = topological_order(self.pipeline)
        steps = tuple((n, self.nodes[n].component, self._name(n)) for n in order)
        self.bus.publish(JobEvent(self.job_id, "Running", steps=steps))
        waiting = {n: set(deps) for n, deps in dependencies(self.pipeline).items()}
        children: dict[str, set[str]] = {n: set() for n in order}
        for node_id, deps in waiting.items():
            for dep in deps:
                children[dep].add(node_id)
        ready = [n for n in order if not waiting[n]]
        running: dict[Future, str] = {}
        self.readers = Counter((e.source, e.source_port) for e in self.pipeline.edges)
        last_poll = time.monotonic()

        def release(node_id: str) -> None:
            for child in sorted(children[node_id], key=order.index):
                waiting[child].discard(node_id)
                if not waiting[child]:
                    ready.append(child)

        while ready or running:
            while ready and not self.cancel_event.is_set():
                node_id = ready.pop(0)
                future = self._start(node_id)
                if future is None:
                    self._inputs_done(node_id)
                    release(node_id)
                else:
                    running[future] = node_id
            if not running:
                break
            done, _ = wait(running, timeout=CANCEL_POLL_SECONDS, return_when=FIRST_COMPLETED)
            if time.monotonic() - last_poll >= CANCEL_POLL_SECONDS:
                last_poll = time.monotonic()
                if not self.cancel_event.is_set() and self.jobs.cancel_requested(self.job_id):
                    self.cancel_event.set()
            if self.cancel_event.is_set():
                for future, node_id in list(running.items()):
                    if future.cancel():
                        del running[future]
                        self._step_event(node_id, "Canceled")
            for future in done:
                node_id = running.pop(future)
                self._inputs_done(node_id)
                if self._finish(node_id, future.result()):
                    release(node_id)
        return self._conclude()

    def _inputs_done(self, node_id: str) -> None:
        """Forget in-memory values no step still has to read (their artifacts stay on disk)."""
        for edge in self.pipeline.incoming(node_id):
            key = (edge.source, edge.source_port)
            self.readers[key] -= 1
            if self.readers[key] == 0 and key in self.outputs:
                self.outputs[key].value = _UNSET

    def _conclude(self) -> str:
        if self.cancel_event.is_set():
            for node_id, status in self.status.items():
                if status in ("NotStarted", "Queued"):
                    self._step_event(node_id, "Canceled")
            final, error = "Canceled", "Canceled by the user"
        elif self.errors:
            final, error = "Failed", "; ".join(self.errors)
        else:
            final, error = "Completed", None
        self.bus.publish(JobEvent(self.job_id, final, error))
        return final

    def _start(self, node_id: str) -> Future | None:
        """Reuse the step's outputs if it may, or queue it; returns None when it ended already (reused)."""
        node = self.nodes[node_id]
        component = self.registry[node.component]
        params, problems = component.resolve_params(node.params)
        inputs = {e.target_port: self.outputs[(e.source, e.source_port)] for e in self.pipeline.incoming(node_id)}
        if problems:
            return self._fail_now(node_id, problems[0])
        try:
            fingerprint = node_fingerprint(component, params, {p: o.fingerprint for p, o in inputs.items()},
                                           DesignContext(self.workspace.datasets))
        except ComponentError as error:
            return self._fail_now(node_id, error)
        self.fingerprints[node_id] = fingerprint
        if not (self.regenerate or node.regenerate) and self._reuse(node_id, component, fingerprint):
            return None
        self._step_event(node_id, "Queued", fingerprint=fingerprint)
        executor = self.executors[node.compute or self.pipeline.default_compute or LOCAL_COMPUTE]
        return executor.submit(self._run_step, node, component, params, inputs, fingerprint)

    def _fail_now(self, node_id: str, error: ComponentError) -> Future:
        future: Future = Future()
        future.set_result(StepResult("Failed", error=self._error_dict(node_id, error), started=time.time()))
        return future

    def _reuse(self, node_id: str, component: Component, fingerprint: str) -> bool:
        cached = self.jobs.cached(fingerprint)
        if cached is None:
            return False
        refs = {port: ArtifactRef.from_dict(d) for port, d in cached["outputs"].items()}
        if set(refs) != {p.name for p in component.outputs} or not all(
                self.workspace.artifacts.exists(r) for r in refs.values()):
            return False
        for port, ref in refs.items():
            self.outputs[(node_id, port)] = Output(ref, output_fingerprint(fingerprint, port))
        if cached["metrics"]:
            self.bus.publish(MetricEvent(self.job_id, node_id, cached["metrics"]))
        note = f"Reused the outputs of job {cached['job_id']} (fingerprint {fingerprint[:12]}).\n"
        self._step_event(node_id, "Reused", duration=0.0, outputs=cached["outputs"], fingerprint=fingerprint,
                         logs=note + cached["logs"])
        return True

    def _value(self, output: Output) -> Any:
        if output.value is _UNSET:
            output.value = self.workspace.artifacts.load(output.ref)
        return output.value

    def _run_step(self, node: Node, component: Component, params: Params, inputs: dict[str, Output],
                  fingerprint: str) -> StepResult:
        """On a worker: run the component, write its artifacts, remember them for reuse."""
        started = time.time()
        result = StepResult("Running", started=started)
        if self.cancel_event.is_set():
            result.status = "Canceled"
            return result
        self._step_event(node.id, "Running")
        last_progress = [0.0]

        def on_progress(fraction: float, message: str | None) -> None:
            if fraction >= 1.0 or time.monotonic() - last_progress[0] >= PROGRESS_INTERVAL_SECONDS:
                last_progress[0] = time.monotonic()
                self._step_event(node.id, "Running", progress=fraction, message=message)

        def on_metric(name: str, value: float) -> None:
            self.bus.publish(MetricEvent(self.job_id, node.id, {name: value}))

        ctx = RunContext(catalog=self.workspace.datasets, logger=step_logger(), cancel_event=self.cancel_event,
                         on_progress=on_progress, on_metric=on_metric)
        with capture() as buffer:
            try:
                values = {port: self._value(output) for port, output in inputs.items()}
                produced = component.run(ctx, values, params) or {}
                missing = [p.name for p in component.outputs if p.name not in produced]
                if missing:
                    raise ComponentError(2000, "UserError", f"{component.name} produced no output for "
                                                            f"{', '.join(missing)}.")
                ctx.check_cancelled()
                for port in component.outputs:
                    ref = self.workspace.artifacts.put(produced[port.name])
                    result.outputs[port.name] = Output(ref, output_fingerprint(fingerprint, port.name),
                                                       produced[port.name])
                result.status = "Completed"
            except Cancelled:
                result.status = "Canceled"
            except ComponentError as error:
                result.status, result.error = "Failed", self._error_dict(node.id, error)
                print(str(error))
            except ArtifactError as error:
                result.status = "Failed"
                result.error = self._error_dict(node.id, ComponentError(158, "InvalidDirectory", str(error)))
                print(str(error))
            except Exception as error:  # a crash inside a component or library: keep the trace in the log
                traceback.print_exc()
                result.status = "Failed"
                result.error = self._error_dict(node.id, ComponentError(
                    1000, "LibraryException", f"{type(error).__name__}: {error}"))
        result.logs = buffer.getvalue()
        result.duration = time.time() - started
        if result.status == "Completed":
            self.jobs.remember(fingerprint, {p: o.ref.to_dict() for p, o in result.outputs.items()}, ctx.metrics,
                               result.logs, self.job_id, node.id)
        return result

    def _error_dict(self, node_id: str, error: ComponentError) -> dict:
        return {**error.to_dict(), "node": node_id, "node_name": self._name(node_id)}

    def _finish(self, node_id: str, result: StepResult) -> bool:
        """Record a step's end; True when its downstream may run."""
        outputs = {p: o.ref.to_dict() for p, o in result.outputs.items()}
        if result.status == "Failed":
            error = result.error or {}
            self.errors.append(f"{error.get('node_name')}: Error {error.get('code')} ({error.get('name')}): "
                               f"{error.get('message')}")
        for port, output in result.outputs.items():
            self.outputs[(node_id, port)] = output
        self._step_event(node_id, result.status, duration=result.duration, error=result.error,
                         outputs=outputs or None, logs=result.logs, fingerprint=self.fingerprints.get(node_id))
        return result.status == "Completed"
