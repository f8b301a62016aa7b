"""The online endpoints a server has ready in memory: each endpoint's latest deployment prepared once, swapped in
when ready, and request counts and latencies kept per endpoint.

A scoring request reads the endpoint's serving version from the workspace (one indexed read, which also brings the
key hashes). When that version is newer than the prepared one (a redeploy, from this process or from `designer
deploy`), it is prepared on a background thread while the older one keeps serving, then swapped in: a request
runs start to end on the deployment it began with. Until an endpoint has a prepared deployment it is
"Transitioning" (503); one whose latest deployment cannot be prepared is "Unhealthy" (served by the older one,
if any).
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from engine.online import OnlineEndpointNotFound, OnlineEndpoints
from engine.request_tables import Levels, closed_levels
from engine.server.errors import ApiError
from engine.serving import PreparedDeployment
from nodes.context import DatasetCatalog

log = logging.getLogger(__name__)
LATENCY_WINDOW = 10_000
"""How many of the latest request latencies the percentiles are computed over."""
HEALTHY, TRANSITIONING, UNHEALTHY = "Healthy", "Transitioning", "Unhealthy"


@dataclass
class Stats:
    """Request counts by outcome and the latest latencies of one endpoint (in memory only)."""

    succeeded: int = 0
    client_errors: int = 0
    server_errors: int = 0
    latencies: deque[float] = field(default_factory=lambda: deque(maxlen=LATENCY_WINDOW))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: int, seconds: float) -> None:
        with self.lock:
            if status < 400:
                self.succeeded += 1
            elif status < 500:
                self.client_errors += 1
            else:
                self.server_errors += 1
            self.latencies.append(seconds)

    def to_dict(self) -> dict:
        with self.lock:
            latencies = np.array(self.latencies)
            counts = {"total": self.succeeded + self.client_errors + self.server_errors, "succeeded": self.succeeded,
                      "client_errors": self.client_errors, "server_errors": self.server_errors}
        percentiles = np.percentile(latencies * 1000, [50, 95, 99]) if len(latencies) else [None] * 3
        return {"requests": counts, "latency_ms": {f"p{p}": None if v is None else round(float(v), 3)
                                                   for p, v in zip((50, 95, 99), percentiles)}}


@dataclass(frozen=True)
class Prepared:
    """A deployment ready to score, and the levels its models refuse to see unknown (checked per request)."""

    version: int
    deployment: PreparedDeployment
    levels: Levels


class LiveEndpoints:
    """Prepared deployments by endpoint name; `serving(name, version)` is what a request runs on."""

    def __init__(self, endpoints: OnlineEndpoints, catalog: DatasetCatalog) -> None:
        self.endpoints, self.catalog = endpoints, catalog
        self.before_prepare: Callable[[str], None] = lambda name: None
        """Called on the preparing thread before an endpoint's deployment is prepared (a test holds it there to
        see the endpoint Transitioning)."""
        self._prepared: dict[str, Prepared] = {}
        self._preparing: set[str] = set()
        self._failed: dict[str, tuple[int, str]] = {}  # name -> (version, why it cannot be prepared)
        self._stats: dict[str, Stats] = {}
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None

    def start(self) -> None:
        """Prepare every endpoint's latest deployment in the background (and any newer one, from now on)."""
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="designer-deploy")
        for endpoint in self.endpoints.list():
            self.refresh(endpoint.name, endpoint.deployment.version)

    def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def stats(self, name: str) -> Stats:
        with self._lock:
            return self._stats.setdefault(name, Stats())

    def serving(self, name: str, version: int) -> Prepared:
        """The deployment that serves `name` now (preparing `version` first if newer); 503 while there is none."""
        prepared = self.refresh(name, version)
        if prepared is None:
            state, why = self.state(name, version)
            raise ApiError(503, state, f'Online endpoint "{name}" is {state}{f": {why}" if why else ""}; try again '
                                       "shortly.", headers={"Retry-After": "1"})
        return prepared

    def state(self, name: str, version: int) -> tuple[str, str]:
        """The endpoint's state for its latest `version`, and the reason when it is Unhealthy."""
        with self._lock:
            prepared, failed = self._prepared.get(name), self._failed.get(name)
        if failed is not None and failed[0] >= version:
            return UNHEALTHY, failed[1]
        if prepared is not None and prepared.version >= version:
            return HEALTHY, ""
        return TRANSITIONING, ""

    def forget(self, name: str) -> None:
        """Drop what is kept of a deleted endpoint."""
        with self._lock:
            for kept in (self._prepared, self._failed, self._stats):
                kept.pop(name, None)

    def refresh(self, name: str, version: int) -> Prepared | None:
        """What is prepared for `name` now; when older than `version`, `version` is prepared in the background
        (unless it is being prepared, or failed)."""
        with self._lock:
            prepared, failed = self._prepared.get(name), self._failed.get(name)
            if (prepared is not None and prepared.version >= version) or name in self._preparing or (
                    failed is not None and failed[0] >= version):
                return prepared
            self._preparing.add(name)
        try:
            if self._executor is None:
                raise RuntimeError("not started")
            self._executor.submit(self._prepare, name)
        except RuntimeError:  # not started, or the server is stopping
            with self._lock:
                self._preparing.discard(name)
        return prepared

    def _prepare(self, name: str) -> None:
        started = time.perf_counter()
        version = None
        try:
            self.before_prepare(name)
            deployment = self.endpoints.get(name).deployment
            version = deployment.version
            ready = PreparedDeployment(deployment.pipeline, self.endpoints.registry, self.catalog)
            prepared = Prepared(version, ready, closed_levels(ready.fitted()))
            with self._lock:
                self._prepared[name] = prepared
                self._failed.pop(name, None)
            log.info("online endpoint %s version %s ready in %.2f s", name, version, time.perf_counter() - started)
        except OnlineEndpointNotFound:
            self.forget(name)
        except Exception as error:  # noqa: BLE001 - said by the endpoint's state and its 503s
            log.exception("online endpoint %s version %s cannot be prepared", name, version)
            with self._lock:
                self._failed[name] = (version or 0, f"{type(error).__name__}: {error}")
        finally:
            with self._lock:
                self._preparing.discard(name)
