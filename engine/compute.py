"""Compute targets: where `execute_step` runs. `local` is a thread pool in this process; `local-processes` is a pool
of worker processes for steps that hold the GIL. Both take a `StepSpec` and give back a future of its outcome;
the step's reports reach the scheduler's queue either way. A Dask cluster is the third kind (engine/dask_compute.py);
the targets a workspace knows, by name, are in engine/compute_targets.py."""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import weakref
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import replace
from multiprocessing.managers import SyncManager
from typing import Protocol

from engine.pipeline import LOCAL_COMPUTE, LOCAL_PROCESSES
from engine.step import Channel, StepOutcome, StepSpec, execute_step


class ComputeTarget(Protocol):
    in_process: bool  # True: in-memory input values may be handed over and output values come back

    def reach(self, artifacts: str) -> None:
        """Make sure steps can run there before a job starts; raises (with why) when they cannot."""

    def submit(self, spec: StepSpec, reports: Channel) -> Future[StepOutcome]: ...

    def close(self) -> None: ...


class ThreadTarget:
    """`local`: steps on a thread pool of this process, values passed by reference."""

    in_process = True

    def __init__(self, workers: int | None = None) -> None:
        self.pool = ThreadPoolExecutor(workers or os.cpu_count() or 2, thread_name_prefix="designer-step")

    def reach(self, artifacts: str) -> None:
        """Always there."""

    def submit(self, spec: StepSpec, reports: Channel) -> Future[StepOutcome]:
        return self.pool.submit(execute_step, replace(spec, channel=reports))

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class ProcessTarget:
    """`local-processes`: steps in spawned worker processes; inputs and outputs travel as artifact files.

    Reports come back through one manager queue and are routed to each job's own queue by a forwarding thread.
    The pool and the manager start on the first step.
    """

    in_process = False

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 2
        self.pool: ProcessPoolExecutor | None = None
        self._routes: weakref.WeakValueDictionary[str, Channel] = weakref.WeakValueDictionary()
        self._lock = threading.Lock()

    def reach(self, artifacts: str) -> None:
        """Started with the first step."""

    def _start(self) -> None:
        """Start the manager and the pool; both ignore Ctrl+C, which reaches every process of the terminal's
        group: the scheduler cancels the job, and the steps end as cancelled rather than interrupted."""
        context = multiprocessing.get_context("spawn")
        self.manager = SyncManager(ctx=context)
        self.manager.start(signal.signal, (signal.SIGINT, signal.SIG_IGN))
        self.channel = self.manager.Queue()
        self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=signal.signal,
                                        initargs=(signal.SIGINT, signal.SIG_IGN))
        self._forwarder = threading.Thread(target=self._forward, name="designer-process-reports", daemon=True)
        self._forwarder.start()

    def _forward(self) -> None:
        try:
            while (report := self.channel.get()) is not None:
                route = self._routes.get(report.job_id)
                if route is not None:
                    route.put(report)
        except (EOFError, OSError):  # the manager went away (interpreter exit): no step is left to report
            return

    def submit(self, spec: StepSpec, reports: Channel) -> Future[StepOutcome]:
        with self._lock:
            if self.pool is None:
                self._start()
            self._routes[spec.job_id] = reports
        return self.pool.submit(execute_step, replace(spec, channel=self.channel, keep_values=False))

    def close(self) -> None:
        with self._lock:
            if self.pool is None:
                return
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.channel.put(None)
            self._forwarder.join(5)
            self.manager.shutdown()
            self.pool = None


def local_targets(workers: int | None = None) -> dict[str, ComputeTarget]:
    """The targets every workspace has: threads (the default) and worker processes."""
    return {LOCAL_COMPUTE: ThreadTarget(workers), LOCAL_PROCESSES: ProcessTarget(workers)}
