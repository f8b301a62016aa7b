"""A Dask cluster as a compute target: steps run on its workers through a `distributed.Client`.

Inputs travel by content address. Workers on a host that sees the workspace's artifact folder (checked per job
with a probe file) read and write it themselves; when none does, the input files' bytes are sent with the step
and the outputs' bytes come back, to be written under their hash here. Either way the scheduler alone records.
Steps report through a Dask event topic, run under joblib's Dask backend (so that sweeps fan out over the
cluster's workers) and see the job's cancellation: its flag file, or a Dask `Event` where the file is not shared.
"""
from __future__ import annotations

import platform
import tempfile
import threading
import time
import uuid
import weakref
from concurrent.futures import Future
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import joblib
import pandas
import sklearn
from distributed import Client, Event, get_worker

from engine.artifacts import TEMPORARY_FOLDER, ArtifactError, ArtifactFiles, ArtifactRef, relative_path
from engine.step import CancelFlag, Channel, Report, StepOutcome, StepSpec, execute_step

CONNECT_TIMEOUT_SECONDS = 5.0
CANCEL_CHECK_SECONDS = 0.25
CHECKED_VERSIONS = ("python", "pandas", "scikit-learn")
REPORT_FIELDS = tuple(f.name for f in fields(Report))


class TargetUnreachable(ConnectionError):
    """The cluster's scheduler could not be reached; the message says why."""


def app_versions() -> dict[str, str]:
    """The versions a worker must share with this process for steps to give the same results."""
    return {"python": platform.python_version(), "pandas": pandas.__version__, "scikit-learn": sklearn.__version__}


def connect(address: str) -> Client:
    try:
        return Client(address, timeout=CONNECT_TIMEOUT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise TargetUnreachable(str(error) or type(error).__name__) from error


class DaskTarget:
    """A stored Dask cluster, connected on the first job that uses it (and again if the connection was lost)."""

    in_process = False

    def __init__(self, name: str, address: str) -> None:
        self.name, self.address = name, address
        self.client: Client | None = None
        self.topic = f"designer-reports-{uuid.uuid4().hex}"
        self.sharing: set[str] = set()  # hosts whose workers see the artifact folder
        self.hosts: set[str] = set()
        self._routes: weakref.WeakValueDictionary[str, Channel] = weakref.WeakValueDictionary()
        self._runs: dict[tuple[str, str], int] = {}  # how many times each step in flight started
        self._tasks: set[Any] = set()
        self._watched: dict[str, tuple[CancelFlag, int]] = {}  # jobs with steps that see an Event, not the flag
        self._signalled: set[str] = set()
        self._signaller: threading.Thread | None = None
        self._lock = threading.RLock()
        self._closed = threading.Event()

    def reach(self, artifacts: str) -> None:
        """Connect (raises TargetUnreachable) and find which hosts share the artifact folder."""
        with self._lock:
            if self.client is None or self.client.status != "running":
                if self.client is not None:
                    self.client.close()
                self.client = connect(self.address)
                self.client.subscribe_topic(self.topic, self._forward)
            self.sharing, self.hosts = _sharing_hosts(self.client, artifacts)

    def submit(self, spec: StepSpec, reports: Channel) -> Future[StepOutcome]:
        with self._lock:
            if self.client is None:
                self.reach(str(spec.artifacts))
            client, shared = self.client, bool(self.sharing)
            self._routes[spec.job_id] = reports
            self._runs[(spec.job_id, spec.node_id)] = 0
        remote = replace(spec, channel=None, keep_values=False)
        where: dict[str, Any] = {}
        if shared:
            blobs = None
            if self.sharing != self.hosts:
                where = {"workers": sorted(self.sharing), "allow_other_workers": False}
        else:
            files = ArtifactFiles(str(spec.artifacts))
            blobs = {relative_path(ref): client.scatter(files.read_bytes(ref), hash=True)
                     for ref in spec.inputs.values() if isinstance(ref, ArtifactRef)}
            remote = replace(remote, cancel=ClusterCancel(_event_name(spec.job_id)))
            self._watch(spec.job_id, spec.cancel, +1)
        task = client.submit(run_remote, remote, self.topic, blobs, key=f"designer-step-{uuid.uuid4().hex}",
                             pure=False, **where)
        done: Future[StepOutcome] = Future()
        done.set_running_or_notify_cancel()  # it runs on the cluster: the job's cancellation ends it there
        with self._lock:
            self._tasks.add(task)
        task.add_done_callback(lambda t: self._settle(t, spec, done, shared))
        return done

    def _settle(self, task: Any, spec: StepSpec, done: Future[StepOutcome], shared: bool) -> None:
        """The step's outcome, with its outputs' bytes written here when they came back, and the log saying
        where it ran and whether a lost worker made it run again."""
        with self._lock:
            self._tasks.discard(task)
            runs = self._runs.pop((spec.job_id, spec.node_id), 0)
        if not shared:
            self._watch(spec.job_id, spec.cancel, -1)
        try:
            outcome, sent, worker = task.result()
            files = ArtifactFiles(str(spec.artifacts))
            for written in outcome.written.values():
                if written.ref.sha256 in sent and files.write_bytes(sent[written.ref.sha256],
                                                                    written.ref.kind).ref != written.ref:
                    raise ArtifactError(f"artifact {written.ref.sha256[:12]} came back altered from {worker}")
        except Exception as error:  # noqa: BLE001 - a lost worker, a cancelled task...: reported on the step
            done.set_exception(error)
            return
        how = "" if shared else " (its inputs were sent: no worker shares the workspace's files)"
        note = f"Ran on the worker {worker} of the compute target {self.name}{how}.\n"
        if runs > 1:
            note += f"The worker running this step was lost; the step was run again ({runs} runs in all).\n"
        outcome.logs = note + outcome.logs
        done.set_result(outcome)

    def _forward(self, event: tuple[float, dict]) -> None:
        """A step's report, from the event topic to its job's queue."""
        values = {name: event[1].get(name) for name in REPORT_FIELDS}  # Dask adds the worker's address
        if values["metric"] is not None:
            values["metric"] = tuple(values["metric"])
        report = Report(**values)
        with self._lock:
            route = self._routes.get(report.job_id)
            if report.kind == "running" and (report.job_id, report.node_id) in self._runs:
                self._runs[(report.job_id, report.node_id)] += 1
        if route is not None:
            route.put(report)

    def _watch(self, job_id: str, flag: Any, change: int) -> None:
        """Count a job's steps that see its cancellation as a Dask Event, which is set (by a thread watching the
        flag files) while any of them runs, and cleared after."""
        with self._lock:
            count = self._watched.get(job_id, (flag, 0))[1] + change
            if count > 0:
                self._watched[job_id] = (flag, count)
                if self._signaller is None:
                    self._signaller = threading.Thread(target=self._signal, name="designer-dask-cancel", daemon=True)
                    self._signaller.start()
                return
            self._watched.pop(job_id, None)
            signalled = job_id in self._signalled
            self._signalled.discard(job_id)
            client = self.client
        if signalled and client is not None:
            Event(_event_name(job_id), client=client).clear()

    def _signal(self) -> None:
        """Set the Event of each watched job whose cancel flag appears; ends when no job is watched."""
        while not self._closed.wait(CANCEL_CHECK_SECONDS):
            with self._lock:
                if not self._watched:
                    self._signaller = None
                    return
                cancelled = [job for job, (flag, _) in self._watched.items()
                             if job not in self._signalled and flag is not None and flag.is_set()]
                self._signalled.update(cancelled)
                client = self.client
            for job_id in cancelled:
                Event(_event_name(job_id), client=client).set()

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            if self.client is not None:
                self.client.close()
                self.client = None


def _event_name(job_id: str) -> str:
    return f"designer-cancel-{job_id}"


def _host(address: str) -> str:
    return urlsplit(address).hostname or address


def _sharing_hosts(client: Client, artifacts: str) -> tuple[set[str], set[str]]:
    """(hosts whose workers read a probe file written into the artifact folder now, every worker's host)."""
    probe = Path(artifacts) / TEMPORARY_FOLDER / f"probe-{uuid.uuid4().hex}"
    token = uuid.uuid4().hex
    probe.parent.mkdir(parents=True, exist_ok=True)
    probe.write_text(token)
    try:
        seen = client.run(_sees, str(probe), token)
    finally:
        probe.unlink(missing_ok=True)
    return {_host(w) for w, ok in seen.items() if ok}, {_host(w) for w in seen}


def _sees(path: str, token: str) -> bool:
    """On a worker: the probe file is there with its token (the worker shares the workspace's files)."""
    try:
        return Path(path).read_text() == token
    except OSError:
        return False


@dataclass
class ClusterCancel:
    """A job's cancellation seen from a worker that does not share the workspace's files: a Dask Event, asked
    at most every CANCEL_CHECK_SECONDS."""

    name: str
    checked: float = 0.0
    cancelled: bool = False

    def is_set(self) -> bool:
        if not self.cancelled and time.monotonic() - self.checked >= CANCEL_CHECK_SECONDS:
            self.checked = time.monotonic()
            self.cancelled = Event(self.name).is_set()
        return self.cancelled


class _TopicChannel:
    """A step's reports, logged under the target's event topic by the worker running it."""

    def __init__(self, worker: Any, topic: str) -> None:
        self.worker, self.topic = worker, topic

    def put(self, item: Report) -> None:
        self.worker.log_event(self.topic, asdict(item))


def run_remote(spec: StepSpec, topic: str,
               blobs: dict[str, bytes] | None) -> tuple[StepOutcome, dict[str, bytes], str]:
    """On a worker: run the step under joblib's Dask backend; with `blobs` (the input files' bytes by relative
    path, for a worker that does not share the artifact folder) in a folder of its own, sending the outputs'
    bytes back. Returns (outcome, output bytes by sha256, the worker's address)."""
    worker = get_worker()
    channel = _TopicChannel(worker, topic)
    with joblib.parallel_config(backend="dask"):
        if blobs is None:
            return execute_step(replace(spec, channel=channel)), {}, worker.address
        with tempfile.TemporaryDirectory(prefix="designer-step-") as folder:
            for name, data in blobs.items():
                path = Path(folder, name)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            outcome = execute_step(replace(spec, artifacts=folder, channel=channel))
            files = ArtifactFiles(folder)
            sent = {w.ref.sha256: files.path(w.ref).read_bytes() for w in outcome.written.values()
                    if w.size is not None}
            return outcome, sent, worker.address


@dataclass(frozen=True)
class WorkerInfo:
    address: str
    threads: int
    memory: int  # bytes
    versions: dict[str, str]


@dataclass(frozen=True)
class ClusterReport:
    """What `designer compute test` says of a cluster: its workers, and how their versions differ from ours."""

    address: str
    workers: list[WorkerInfo]
    mismatches: list[str]


def inspect_cluster(address: str) -> ClusterReport:
    """Connect, list the workers (threads, memory, versions) and compare their versions with this process's."""
    client = connect(address)
    try:
        versions = client.run(app_versions)
        described = client.scheduler_info(n_workers=-1)["workers"]
    finally:
        client.close()
    ours = app_versions()
    workers = [WorkerInfo(w, described[w]["nthreads"], described[w].get("memory_limit") or 0, versions[w])
               for w in sorted(versions)]
    mismatches = [f"{w.address} has {name} {w.versions.get(name)} (here {ours[name]})" for w in workers
                  for name in CHECKED_VERSIONS if w.versions.get(name) != ours[name]]
    return ClusterReport(address, workers, mismatches)
