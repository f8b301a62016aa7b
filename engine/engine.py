"""The engine's public face: validate, submit, watch, cancel jobs and read their outputs."""
from __future__ import annotations

import logging
import threading
from typing import Any

from engine.artifacts import ArtifactRef
from engine.compute_targets import StoredTargets, Targets
from engine.events import EventBus, JobEvent, Listener, StepEvent
from engine.fingerprint import pipeline_fingerprints
from engine.job_store import FINAL, JobRecord
from engine.parameters import apply_parameters
from engine.pipeline import Pipeline
from engine.runner import JobRun
from engine.validation import Analysis, Problem, analyze
from engine.workspace import Workspace
from nodes.registry import Registry, default_registry

DEFAULT_EXPERIMENT = "Default"
log = logging.getLogger(__name__)


class InvalidPipeline(ValueError):
    """Submitted a pipeline with blocking problems; nothing ran."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("The pipeline is not valid:\n" + "\n".join(f"  - {p}" for p in problems))
        self.problems = problems


class JobHandle:
    """A submitted job: wait for it, cancel it, read its record."""

    def __init__(self, engine: Engine, job_id: str, run: JobRun, thread: threading.Thread) -> None:
        self.engine, self.id, self._run, self._thread = engine, job_id, run, thread

    def wait(self, timeout: float | None = None) -> JobRecord:
        self._thread.join(timeout)
        return self.engine.workspace.jobs.get(self.id)

    def cancel(self) -> None:
        self._run.cancel()

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()


class Engine:
    """Runs jobs of one workspace on its compute targets: threads by default (workers = cores), worker
    processes for nodes or pipelines whose compute is `local-processes`, or a Dask cluster the workspace stores."""

    def __init__(self, workspace: Workspace, registry: Registry | None = None, max_workers: int | None = None) -> None:
        self.workspace = workspace
        self.registry = registry or default_registry()
        self.bus = EventBus()
        self.targets = Targets(StoredTargets(workspace.store), max_workers)
        self._runs: dict[str, JobRun] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()

    @property
    def computes(self) -> frozenset[str]:
        return frozenset(self.targets)

    def subscribe(self, listener: Listener):
        """Receive every StepEvent, JobEvent and MetricEvent; returns a function that unsubscribes."""
        return self.bus.subscribe(listener)

    def analyze(self, pipeline: Pipeline) -> Analysis:
        return analyze(pipeline, self.registry, self.workspace.datasets, self.computes)

    def submit(self, pipeline: Pipeline, experiment: str = DEFAULT_EXPERIMENT, display_name: str = "",
               description: str = "", parameters: dict[str, Any] | None = None, regenerate: bool = False,
               draft_id: str | None = None) -> JobHandle:
        """Validate, record and start a job (remembering the draft it came from, if any); raises InvalidPipeline
        (nothing recorded) or ParameterAssignmentError."""
        resolved = apply_parameters(pipeline, parameters)
        problems = self.analyze(resolved).problems
        if problems:
            raise InvalidPipeline(problems)
        snapshot = pipeline.with_lineage(draft=draft_id) if draft_id else pipeline
        job_id = self.workspace.jobs.create(snapshot, experiment or DEFAULT_EXPERIMENT, display_name, description,
                                            parameters, regenerate, draft_id)
        run = JobRun(job_id, resolved, registry=self.registry, workspace=self.workspace, bus=self.bus,
                     targets=self.targets, regenerate=regenerate)
        thread = threading.Thread(target=self._execute, args=(job_id, run), name=f"designer-job-{job_id}",
                                  daemon=True)
        with self._lock:
            self._runs[job_id], self._threads[job_id] = run, thread
        thread.start()
        return JobHandle(self, job_id, run, thread)

    def _execute(self, job_id: str, run: JobRun) -> None:
        try:
            run.execute()
        except Exception as error:  # the scheduler itself failed (a store write, a bug): fail the job loudly
            log.error("the scheduler of job %s stopped: %s", job_id, error, exc_info=log.isEnabledFor(logging.DEBUG))
            reason = str(error) if isinstance(error, OSError) else f"{type(error).__name__}: {error}"
            self._abandon(run, f"The job stopped: {reason}")
        finally:
            with self._lock:
                self._runs.pop(job_id, None)
                self._threads.pop(job_id, None)

    def _abandon(self, run: JobRun, message: str) -> None:
        """End the job Failed, with no step left Queued or Running under it (its steps have stopped)."""
        try:
            ended = self.workspace.jobs.abandon(run.job_id, message)
        except Exception as error:  # noqa: BLE001 - the store itself is failing; the next open marks it interrupted
            log.error("could not record the end of job %s: %s", run.job_id, error)
            return
        for node_id, status in ended.items():
            self.bus.publish(StepEvent(run.job_id, node_id, run.name_of(node_id), status))
        self.bus.publish(JobEvent(run.job_id, "Failed", message))

    def cancel(self, job_id: str) -> None:
        """Cancel a job of this process at once, or ask the process running it to."""
        with self._lock:
            run = self._runs.get(job_id)
        if run:
            run.cancel()
        elif self.workspace.jobs.get_status(job_id) not in FINAL:
            self.workspace.jobs.request_cancel(job_id)

    def fingerprints(self, pipeline: Pipeline) -> dict[str, str]:
        """Each node's step fingerprint as a run with the default parameter values would compute it now."""
        return pipeline_fingerprints(apply_parameters(pipeline), self.registry, self.workspace.datasets)

    def result_of(self, pipeline: Pipeline, node_id: str) -> tuple[str, str] | None:
        """(job id, node id) of the step whose outputs are what this node, as it is now, would produce; None
        if no job ran it with these parameters and inputs (what Preview data of a draft node shows)."""
        fingerprint = self.fingerprints(pipeline).get(node_id)
        cached = self.workspace.jobs.cached(fingerprint) if fingerprint else None
        return (cached["job_id"], cached["node_id"]) if cached else None

    def output(self, job_id: str, node_id: str, port: str) -> Any:
        """The value of a step's output port (a Table, model or transformation), checked before loading."""
        step = self.workspace.jobs.get(job_id).step(node_id)
        if port not in step.outputs:
            raise KeyError(f'Step "{step.name}" of job {job_id} has no output "{port}" (status {step.status}).')
        return self.workspace.artifacts.load(ArtifactRef.from_dict(step.outputs[port]))

    def close(self, timeout: float = 10.0) -> None:
        """Cancel running jobs, wait for them, and stop the workers."""
        with self._lock:
            runs, threads = list(self._runs.values()), list(self._threads.values())
        for run in runs:
            run.cancel()
        for thread in threads:
            thread.join(timeout)
        self.targets.close()
