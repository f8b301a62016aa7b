"""The scheduler of one job: topological schedule, fingerprints and reuse, cancellation.

Steps run through `execute_step` on their node's compute target; what they report comes back through one queue,
and the scheduler, on its own thread, is the only writer of the job's rows and the only publisher of its events
(each event is recorded first, then published). A failed store write is not swallowed: it ends the scheduler,
and the engine fails the job loudly (see `Engine`).

Big tables that steps on threads of this process produce are written off the critical path: the step ends
Completed and its downstream starts on the value in memory while a small pool writes the file; once it is durable,
the file's row, the reuse cache and the step's outputs are recorded in one transaction (so a crash before leaves
nothing half-recorded). A step bound for another process or machine waits for its inputs' files; the job is
Completed only when every write is durable, and a write that fails fails its step and the job.
"""
from __future__ import annotations

import os
import queue
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from typing import Any

from engine import batch
from engine.artifacts import ArtifactError, ArtifactRef, Written
from engine.batch import SOURCE_PORT, ChunkPlan, chunk_plan
from engine.compute import ComputeTarget
from engine.dataset_snapshot import DatasetSnapshot
from engine.evaluate import EvaluationError
from engine.events import EventBus, JobEvent, MetricEvent, StepEvent
from engine.fingerprint import node_fingerprint, output_fingerprint, pipeline_fingerprints
from engine.graph import dependencies, topological_order
from engine.pipeline import LOCAL_COMPUTE, Pipeline
from engine.recorder import Recorder
from engine.step import CancelFlag, Report, StepOutcome, StepSpec, error_dict, write_output
from engine.versions import current_params
from engine.workspace import Workspace
from nodes.component import Component, UnknownVersion
from nodes.context import DesignContext, RunContext, StoredTable
from nodes.errors import Cancelled, ComponentError
from nodes.params import Params
from nodes.registry import Registry
from nodes.table import Table

CANCEL_POLL_SECONDS = 0.25
BACKGROUND_WRITE_CELLS = 1_000_000  # smaller tables are written by their step: a second transaction costs more
WRITERS = os.cpu_count() or 2  # at a lower priority than the steps: they take the cores the steps leave
WRITER_NICENESS = 10
STOP_WAIT_SECONDS = 30.0
_UNSET = object()


@dataclass
class Output:
    """One output of a step: its artifact (None while it is being written), and its value while this job holds it
    in memory."""

    ref: ArtifactRef | None
    fingerprint: str
    value: Any = _UNSET


@dataclass(frozen=True)
class _Done:
    node_id: str
    future: Future


@dataclass(frozen=True)
class _Saved:
    """A background write of one output ended (`future` holds its `Written`, or why it failed)."""

    node_id: str
    port: str
    future: Future


@dataclass
class _Writing:
    """A Completed step whose outputs are still being written: its outcome, and the ports not yet durable."""

    outcome: StepOutcome
    ports: set[str]


def _yielding() -> None:
    """Lower a writer thread's CPU priority (Linux: a thread is a schedulable task), so that on a busy machine the
    steps on the critical path run first and the writes fill the idle time."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WRITER_NICENESS)
    except (AttributeError, OSError):  # not on this platform: the writes just compete
        pass


class Inbox:
    """What steps send the scheduler. A step's "running" report is kept without waking the scheduler (a thread
    switch per step start costs more than the step itself for small steps): it is handled at the next wake-up,
    the step's end, any other report or the cancellation poll, so a step's Running status is recorded at most
    CANCEL_POLL_SECONDS late, and a short step's Running and Completed go to the store in one transaction."""

    def __init__(self) -> None:
        self.queue: queue.Queue = queue.Queue()
        self.quiet: deque[Report] = deque()

    def put(self, item: Any) -> None:
        if isinstance(item, Report) and item.kind == "running":
            self.quiet.append(item)
        else:
            self.queue.put(item)

    def get(self, timeout: float) -> list[Any]:
        """The quiet reports, then the next item (None after `timeout` without one)."""
        try:
            item = self.queue.get(timeout=timeout)
        except queue.Empty:
            item = None
        quiet = []
        while self.quiet:
            quiet.append(self.quiet.popleft())
        return [*quiet, item]


class JobRun:
    """The execution of one job; `execute()` blocks until every step has ended."""

    def __init__(self, job_id: str, pipeline: Pipeline, *, registry: Registry, workspace: Workspace, bus: EventBus,
                 targets: Mapping[str, ComputeTarget], regenerate: bool = False) -> None:
        self.job_id, self.pipeline, self.registry = job_id, pipeline, registry
        self.workspace, self.bus, self.targets, self.regenerate = workspace, bus, targets, regenerate
        self.recorder = Recorder(workspace.jobs)
        self.cancel_flag = CancelFlag(str(workspace.root / "cancel" / job_id))
        self.reports = Inbox()
        self.nodes = {n.id: n for n in pipeline.nodes}
        self.outputs: dict[tuple[str, str], Output] = {}
        self.fingerprints: dict[str, str] = {}
        self.status: dict[str, str] = {n.id: "NotStarted" for n in pipeline.nodes}
        self.metrics: dict[str, dict[str, float]] = {}
        self.running: dict[str, Future] = {}
        self.errors: list[str] = []
        self.notes: dict[str, str] = {}  # what the step log should say before the step's own output
        self.starts: dict[str, float] = {}  # steps that started and ended between two wake-ups
        self.catalog: DatasetSnapshot | None = None
        self.writing: dict[str, _Writing] = {}
        self.held: dict[str, tuple[Component, Params]] = {}  # steps for another process, waiting for their inputs' files
        self.writers: ThreadPoolExecutor | None = None

    def cancel(self) -> None:
        self.cancel_flag.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_flag.is_set()

    def name_of(self, node_id: str) -> str:
        node = self.nodes[node_id]
        return self.registry[node.component].name if node.component in self.registry else node.component

    def _emit(self, *events: Any, writes: Callable[[], None] | None = None) -> None:
        """Record (with `writes`, in one transaction), then publish: subscribers never see what the store does
        not hold."""
        if writes is None and len(events) == 1:
            self.recorder(events[0])  # its own transaction, if it writes at all (progress is written sparingly)
        else:
            with self.workspace.store.write():
                if writes is not None:
                    writes()
                for event in events:
                    self.recorder(event)
        for event in events:
            self.bus.publish(event)

    def _step_event(self, node_id: str, status: str, *before: Any, writes: Callable[[], None] | None = None,
                    **fields: Any) -> None:
        """A step's news, recorded after the `before` events and `writes` in the same transaction."""
        if status != "Running" or fields.get("progress") is None:
            self.status[node_id] = status
        self._emit(*before, StepEvent(self.job_id, node_id, self.name_of(node_id), status, **fields), writes=writes)

    def execute(self) -> str:
        order = topological_order(self.pipeline)
        steps = tuple((n, self.nodes[n].component, self.name_of(n)) for n in order)
        self._emit(JobEvent(self.job_id, "Running", steps=steps))
        unreachable = self._unreachable(order)
        if unreachable:
            self.errors.append(unreachable)
            return self._conclude()
        self.catalog = self.workspace.datasets.snapshot()
        plan = chunk_plan(self.pipeline, self.registry)
        if plan is not None:
            try:
                streamed = self._stream(plan, order)
            finally:
                self.cancel_flag.clear()
            if streamed is not None:
                return streamed
        waiting = {n: set(deps) for n, deps in dependencies(self.pipeline).items()}
        children: dict[str, set[str]] = {n: set() for n in order}
        for node_id, deps in waiting.items():
            for dep in deps:
                children[dep].add(node_id)
        ready = [n for n in order if not waiting[n]]
        self.readers = Counter((e.source, e.source_port) for e in self.pipeline.edges)
        last_poll = time.monotonic()
        try:
            while ready or self.running or self.writing:
                while ready and not self.cancelled:
                    node_id = ready.pop(0)
                    if self._start(node_id):
                        ready.extend(self._release(node_id, children, waiting, order))
                if not self.running and not self.writing:
                    break
                batch = self.reports.get(timeout=CANCEL_POLL_SECONDS)
                ending = {item.node_id for item in batch if isinstance(item, _Done)}
                for item in batch:
                    if isinstance(item, Report) and item.kind == "running" and item.node_id in ending:
                        self.starts[item.node_id] = item.time  # recorded together with the step's end
                    elif isinstance(item, _Done):
                        if self._finish(item.node_id, item.future):
                            ready.extend(self._release(item.node_id, children, waiting, order))
                    elif isinstance(item, _Saved):
                        self._saved(item)
                    elif isinstance(item, Report):
                        self._report(item)
                if time.monotonic() - last_poll >= CANCEL_POLL_SECONDS:
                    last_poll = time.monotonic()
                    if not self.cancelled and self.workspace.jobs.cancel_requested(self.job_id):
                        self.cancel()
                if self.cancelled:
                    self._cancel_queued()
            return self._conclude()
        except BaseException:  # stopping: let the steps still running see the cancellation and end first
            self.cancel()
            wait(list(self.running.values()), timeout=STOP_WAIT_SECONDS)
            raise
        finally:
            if self.writers is not None:
                self.writers.shutdown(wait=True, cancel_futures=True)
            self.cancel_flag.clear()

    def _target(self, node_id: str) -> str:
        return self.nodes[node_id].compute or self.pipeline.default_compute or LOCAL_COMPUTE

    def _unreachable(self, order: list[str]) -> str | None:
        """Reach every compute target the steps run on before any runs; what stops the job if one cannot be."""
        reached: set[str] = set()
        for node_id in order:
            name = self._target(node_id)
            if name in reached:
                continue
            reached.add(name)
            try:
                self.targets[name].reach(str(self.workspace.artifacts.root))
            except Exception as error:  # noqa: BLE001 - whatever stops the connection is what the user reads
                return f"The compute target {name} of {self.name_of(node_id)} is unreachable: {error}"
        return None

    def _stream(self, plan: ChunkPlan, order: list[str]) -> str | None:
        """Run a row-wise batch pipeline chunk by chunk (engine/batch.py), every step at once; None when the
        step-by-step path should run it instead (a problem it reports node by node, or every step reusable)."""
        self.fingerprints = pipeline_fingerprints(self.pipeline, self.registry, self.catalog)
        source = self._stored_source(plan.source) if len(self.fingerprints) == len(order) else None
        if source is None or (not self.regenerate and all(self._reusable(n) for n in order)):
            return None
        self._emit(*[StepEvent(self.job_id, n, self.name_of(n), "Running", fingerprint=self.fingerprints[n])
                     for n in order])
        self.status.update(dict.fromkeys(order, "Running"))
        started, files, last_poll = time.time(), self.workspace.artifacts.files, [time.monotonic()]

        def progress(fraction: float) -> None:
            if time.monotonic() - last_poll[0] >= CANCEL_POLL_SECONDS:
                last_poll[0] = time.monotonic()
                if self.workspace.jobs.cancel_requested(self.job_id):
                    self.cancel()
                for node_id in plan.streamed:
                    self._step_event(node_id, "Running", progress=fraction)

        try:
            constants, written = batch.stream(plan, self.pipeline, self.registry, self.catalog, source, files,
                                              chunk_rows=batch.CHUNK_ROWS, progress=progress, cancel=self.cancel_flag)
        except Cancelled:
            return self._conclude()
        except ArtifactError as error:
            return self._stream_failed(plan.source, ComponentError(158, "InvalidDirectory", str(error)), started)
        except OSError as error:  # a full disk while writing the scored files: the streamed steps failed to write
            where = next(iter(sorted(plan.streamed, key=order.index)))
            return self._stream_failed(where, ComponentError(160, "FailedToWriteOutputs", str(error)), started)
        except EvaluationError as error:
            return self._stream_failed(error.node_id, error.error, started)
        outputs = {(plan.source, SOURCE_PORT): Written(source, None), **written}
        for node_id in plan.constant:
            for port, value in constants[node_id].items():
                outputs[(node_id, port)] = files.write(value)
        note = f"Evaluated with the whole batch pipeline, {batch.CHUNK_ROWS} rows at a time.\n"
        for node_id in order:
            mine = {port: w for (n, port), w in outputs.items() if n == node_id}
            self._record_end(node_id, StepOutcome("Completed", written=mine, logs=note, started=started,
                                                  duration=time.time() - started))
        return self._conclude()

    def _stream_failed(self, node_id: str, error: ComponentError, started: float) -> str:
        """One node failed the chunked run: it is Failed, the steps that were running with it Canceled."""
        failure = error_dict(node_id, self.registry[self.nodes[node_id].component], error)
        self._record_failure(failure)
        self._step_event(node_id, "Failed", error=failure, duration=time.time() - started, logs="")
        for other, status in list(self.status.items()):
            if status == "Running":
                self._step_event(other, "Canceled")
        return self._conclude()

    def _stored_source(self, node_id: str) -> ArtifactRef | None:
        """The artifact a data set source hands on, without loading it."""
        node = self.nodes[node_id]
        component = self.registry[node.component]
        params, problems = component.resolve_params(current_params(node, component))
        if problems:
            return None
        try:
            stored = component.run(RunContext(catalog=self.catalog), {}, params).get(SOURCE_PORT)
        except ComponentError:
            return None
        return ArtifactRef(stored.key, "table") if isinstance(stored, StoredTable) else None

    def _reusable(self, node_id: str) -> bool:
        cached = self.workspace.jobs.cached(self.fingerprints[node_id])
        return cached is not None and all(self.workspace.artifacts.files.intact(ArtifactRef.from_dict(d))
                                          for d in cached["outputs"].values())

    def _release(self, node_id: str, children: dict[str, set[str]], waiting: dict[str, set[str]],
                 order: list[str]) -> list[str]:
        """The children that were waiting only for this node."""
        freed = []
        for child in sorted(children[node_id], key=order.index):
            waiting[child].discard(node_id)
            if not waiting[child]:
                freed.append(child)
        return freed

    def _inputs_done(self, node_id: str) -> None:
        """Forget in-memory values no step still has to read (their artifacts stay on disk)."""
        for edge in self.pipeline.incoming(node_id):
            key = (edge.source, edge.source_port)
            self.readers[key] -= 1
            if self.readers[key] == 0 and key in self.outputs:
                self.outputs[key].value = _UNSET

    def _cancel_queued(self) -> None:
        for node_id, future in list(self.running.items()):
            if future.cancel():
                del self.running[node_id]
                self._step_event(node_id, "Canceled")

    def _conclude(self) -> str:
        if self.cancelled:
            for node_id, status in self.status.items():
                if status in ("NotStarted", "Queued"):
                    self._step_event(node_id, "Canceled")
            final, error = "Canceled", "Canceled by the user"
        elif self.errors:
            final, error = "Failed", "; ".join(self.errors)
        else:
            final, error = "Completed", None
        self._emit(JobEvent(self.job_id, final, error))
        return final

    def _start(self, node_id: str) -> bool:
        """Reuse the step's outputs, fail it at once, or queue it on its target; True when it ended as Reused."""
        node = self.nodes[node_id]
        component = self.registry[node.component]
        try:
            params, problems = component.resolve_params(current_params(node, component))
        except UnknownVersion as error:
            return self._fail_now(node_id, component, ComponentError(2000, "UnknownVersion", str(error)))
        if problems:
            return self._fail_now(node_id, component, problems[0])
        inputs = {e.target_port: self.outputs[(e.source, e.source_port)] for e in self.pipeline.incoming(node_id)}
        try:
            fingerprint = node_fingerprint(component, params, {p: o.fingerprint for p, o in inputs.items()},
                                           DesignContext(self.catalog))
        except ComponentError as error:
            return self._fail_now(node_id, component, error)
        self.fingerprints[node_id] = fingerprint
        if not (self.regenerate or node.regenerate) and self._reuse(node_id, component, fingerprint):
            return True
        if not self.targets[self._target(node_id)].in_process and any(o.ref is None for o in inputs.values()):
            self.held[node_id] = (component, params)  # its inputs travel as files: sent once they are durable
            return False
        self._submit(node_id, component, params)
        return False

    def _submit(self, node_id: str, component: Component, params: Params) -> None:
        """Queue a step on its target: in-memory inputs where it runs in this process, artifact files otherwise."""
        target = self.targets[self._target(node_id)]
        inputs = {e.target_port: self.outputs[(e.source, e.source_port)] for e in self.pipeline.incoming(node_id)}
        spec = StepSpec(self.job_id, node_id, component, params,
                        {port: o.value if target.in_process and o.value is not _UNSET else o.ref
                         for port, o in inputs.items()},
                        artifacts=str(self.workspace.artifacts.root), catalog=self.catalog, cancel=self.cancel_flag,
                        defer_writes_from=BACKGROUND_WRITE_CELLS if target.in_process else None)
        self._step_event(node_id, "Queued", fingerprint=self.fingerprints[node_id])
        future = target.submit(spec, self.reports)
        self.running[node_id] = future
        future.add_done_callback(lambda f: self.reports.put(_Done(node_id, f)))

    def _fail_now(self, node_id: str, component: Component, error: ComponentError) -> bool:
        self._inputs_done(node_id)
        self._record_failure(error_dict(node_id, component, error))
        self._step_event(node_id, "Failed", duration=0.0, error=error_dict(node_id, component, error), logs="")
        return False

    def _reuse(self, node_id: str, component: Component, fingerprint: str) -> bool:
        """Hand on the outputs of an earlier run with this fingerprint, if every file is intact."""
        cached = self.workspace.jobs.cached(fingerprint)
        if cached is None:
            return False
        refs = {port: ArtifactRef.from_dict(d) for port, d in cached["outputs"].items()}
        if set(refs) != {p.name for p in component.outputs}:
            return False
        # the cache row was written only after the artifacts' rows: checking the files is what is left to do
        broken = [port for port, ref in refs.items() if not self.workspace.artifacts.files.intact(ref)]
        if broken:
            self.notes[node_id] = (f"Recomputed: the output(s) {', '.join(broken)} of job {cached['job_id']} "
                                           "are missing or altered on disk, so they were not reused.\n")
            return False
        for port, ref in refs.items():
            self.outputs[(node_id, port)] = Output(ref, output_fingerprint(fingerprint, port))
        metrics = [MetricEvent(self.job_id, node_id, cached["metrics"])] if cached["metrics"] else []
        note = f"Reused the outputs of job {cached['job_id']} (fingerprint {fingerprint[:12]}).\n"
        self._step_event(node_id, "Reused", *metrics, duration=0.0, outputs=cached["outputs"], fingerprint=fingerprint,
                         logs=note + cached["logs"])
        self._inputs_done(node_id)
        return True

    def _report(self, report: Report) -> None:
        """A running step's news; late news of a step that has ended is dropped."""
        if self.status.get(report.node_id) not in ("Queued", "Running"):
            return
        if report.kind == "running":
            self._step_event(report.node_id, "Running", time=report.time)
        elif report.kind == "progress":
            self._step_event(report.node_id, "Running", progress=report.progress, message=report.message)
        elif report.kind == "metric":
            name, value = report.metric
            self.metrics.setdefault(report.node_id, {})[name] = value
            self._emit(MetricEvent(self.job_id, report.node_id, {name: value}))

    def _finish(self, node_id: str, future: Future) -> bool:
        """Record a step's end; True when its downstream may run."""
        if self.running.pop(node_id, None) is None:
            return False  # cancelled before it started: already recorded
        self._inputs_done(node_id)
        return self._record_end(node_id, self._outcome(node_id, future))

    def _record_end(self, node_id: str, outcome: StepOutcome) -> bool:
        """Record how a step ended (its files' rows, the reuse cache and its row in one transaction); True when
        its downstream may run."""
        unreported = {k: v for k, v in outcome.metrics.items() if self.metrics.get(node_id, {}).get(k) != v}
        before = [MetricEvent(self.job_id, node_id, unreported)] if unreported else []
        if node_id in self.starts:
            before.insert(0, StepEvent(self.job_id, node_id, self.name_of(node_id), "Running",
                                       time=self.starts.pop(node_id)))
        fingerprint = self.fingerprints[node_id]
        outputs = {}
        writes = None
        if outcome.status == "Completed":
            for port, written in outcome.written.items():
                value = outcome.outputs.get(port, _UNSET)
                self.outputs[(node_id, port)] = Output(written.ref, output_fingerprint(fingerprint, port), value)
            unwritten = {port: v for port, v in outcome.outputs.items() if port not in outcome.written}
            for port, value in unwritten.items():
                self.outputs[(node_id, port)] = Output(None, output_fingerprint(fingerprint, port), value)
                self._write_in_background(node_id, port, value)
            if unwritten:
                self.writing[node_id] = _Writing(outcome, set(unwritten))
            else:
                outputs = self._outputs_of(outcome)

                def writes() -> None:  # committed with the step's row
                    self._record_outputs(node_id, outcome)
        elif outcome.status == "Failed":
            self._record_failure(outcome.error or {})
        logs = self.notes.get(node_id, "") + outcome.logs
        self._step_event(node_id, outcome.status, *before, writes=writes, duration=outcome.duration,
                         error=outcome.error, outputs=outputs or None, logs=logs, fingerprint=fingerprint)
        return outcome.status == "Completed"

    @staticmethod
    def _outputs_of(outcome: StepOutcome) -> dict[str, dict]:
        return {port: written.ref.to_dict() for port, written in outcome.written.items()}

    def _record_outputs(self, node_id: str, outcome: StepOutcome) -> None:
        """The files' rows, then what points to them: the reuse cache (the caller holds the transaction)."""
        self.workspace.artifacts.record(*outcome.written.values())
        self.workspace.jobs.remember(self.fingerprints[node_id], self._outputs_of(outcome), outcome.metrics,
                                     outcome.logs, self.job_id, node_id)

    def _write_in_background(self, node_id: str, port: str, value: Table) -> None:
        if self.writers is None:
            self.writers = ThreadPoolExecutor(WRITERS, thread_name_prefix="designer-writer", initializer=_yielding)
        own = replace(value, frame=value.frame.copy(deep=False))  # copy-on-write: no change downstream reaches it
        future = self.writers.submit(write_output, self.workspace.artifacts.files, port, own)
        future.add_done_callback(lambda f: self.reports.put(_Saved(node_id, port, f)))

    def _saved(self, item: _Saved) -> None:
        """A background write ended: once all of a step's are durable, record them (the files' rows, the reuse
        cache and the step's outputs in one transaction) and send the steps that waited for them; a write that
        failed fails the step, and so the job."""
        writing = self.writing.get(item.node_id)
        if writing is None:
            return  # another output of this step failed to be written: the step has failed already
        try:
            writing.outcome.written[item.port] = written = item.future.result()
        except Exception as error:  # noqa: BLE001 - any failure to write is the step's, told with its output
            del self.writing[item.node_id]
            self._fail_write(item.node_id, item.port, error)
            return
        self.outputs[(item.node_id, item.port)].ref = written.ref
        writing.ports.discard(item.port)
        if writing.ports:
            return
        del self.writing[item.node_id]
        with self.workspace.store.write():
            self._record_outputs(item.node_id, writing.outcome)
            self.workspace.jobs.record_step(self.job_id, {"node_id": item.node_id,
                                                          "outputs": self._outputs_of(writing.outcome)})
        for node_id, (component, params) in list(self.held.items()):
            if not self.cancelled and all(self.outputs[(e.source, e.source_port)].ref is not None
                                          for e in self.pipeline.incoming(node_id)):
                del self.held[node_id]
                self._submit(node_id, component, params)

    def _fail_write(self, node_id: str, port: str, error: Exception) -> None:
        if isinstance(error, ComponentError):
            failure = error
        elif isinstance(error, ArtifactError):
            failure = ComponentError(158, "InvalidDirectory", str(error))
        else:
            failure = ComponentError(160, "FailedToWriteOutputs",
                                     f'could not write the output "{port}": {type(error).__name__}: {error}')
        error_info = error_dict(node_id, self.registry[self.nodes[node_id].component], failure)
        self._record_failure(error_info)
        self._step_event(node_id, "Failed", error=error_info)

    def _outcome(self, node_id: str, future: Future) -> StepOutcome:
        """The step's outcome; a target that could not run it at all (a dead worker process) fails the step."""
        try:
            return future.result()
        except Exception as error:  # noqa: BLE001 - whatever broke the target is reported on the step
            component = self.registry[self.nodes[node_id].component]
            failure = ComponentError(1000, "LibraryException", f'The compute target "{self._target(node_id)}" could '
                                                                 f"not run {component.name}: {type(error).__name__}: "
                                                                 f"{error}")
            return StepOutcome("Failed", error=error_dict(node_id, component, failure))

    def _record_failure(self, error: dict) -> None:
        self.errors.append(f"{error.get('node_name')}: Error {error.get('code')} ({error.get('name')}): "
                           f"{error.get('message')}")
