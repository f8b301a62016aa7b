"""The compute targets a workspace knows: `local` (threads) and `local-processes` built in, and the Dask clusters
it stores by name (scheduler address, dashboard link). `Targets` is what an engine runs steps on: the built-in
targets, and a `DaskTarget` per stored cluster, made on first use."""
from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from engine.pipeline import LOCAL_COMPUTE, LOCAL_PROCESSES, Pipeline
from engine.store import Store, insert, now
from nodes.lazy import Lazy

if TYPE_CHECKING:
    from engine.compute import ComputeTarget

DASK = "dask"
BUILT_IN = {LOCAL_COMPUTE: "threads", LOCAL_PROCESSES: "processes"}
SCHEDULER_SCHEMES = ("tcp", "tls")
local_targets = Lazy("engine.compute", "local_targets")  # imports the step machinery only once jobs run
dask_target = Lazy("engine.dask_compute", "DaskTarget")  # imports Dask only once a cluster is used


class ComputeTargetError(ValueError):
    """A compute target that cannot be added or is not there."""


@dataclass(frozen=True)
class TargetInfo:
    """A compute target: `kind` "threads", "processes" or "dask"; a Dask one has its scheduler address and,
    optionally, the link to its dashboard."""

    name: str
    kind: str
    address: str = ""
    dashboard: str = ""


class StoredTargets:
    """The compute targets of a workspace, the built-in ones first."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self) -> list[TargetInfo]:
        rows = self.store.query("select name, kind, address, dashboard from compute_targets order by name")
        return [*(TargetInfo(name, kind) for name, kind in BUILT_IN.items()),
                *(TargetInfo(r["name"], r["kind"], r["address"], r["dashboard"] or "") for r in rows)]

    def names(self) -> frozenset[str]:
        return frozenset(info.name for info in self.list())

    def get(self, name: str) -> TargetInfo:
        if name in BUILT_IN:
            return TargetInfo(name, BUILT_IN[name])
        row = self.store.conn.execute("select kind, address, dashboard from compute_targets where name = ?",
                                      [name]).fetchone()
        if row is None:
            raise ComputeTargetError(f'There is no compute target "{name}"; `designer compute list` shows them.')
        return TargetInfo(name, row[0], row[1], row[2] or "")

    def add(self, name: str, address: str, dashboard: str = "") -> TargetInfo:
        """Store a Dask cluster under `name`; the address is checked for form only (`designer compute test`
        connects)."""
        if not name.strip() or name in BUILT_IN:
            raise ComputeTargetError(f'"{name}" cannot name a compute target: choose a name other than '
                                     f'{", ".join(BUILT_IN)}.')
        _check_address(address)
        if dashboard and urlsplit(dashboard).scheme not in ("http", "https"):
            raise ComputeTargetError(f'The dashboard link "{dashboard}" is not an http:// or https:// address.')
        info = TargetInfo(name, DASK, address, dashboard)
        with self.store.write() as conn:
            if conn.execute("select 1 from compute_targets where name = ?", [name]).fetchone():
                raise ComputeTargetError(f'A compute target named "{name}" exists already; remove it first.')
            insert(conn, "compute_targets", {"name": name, "kind": DASK, "address": address, "dashboard": dashboard,
                                             "created": now()})
        return info

    def remove(self, name: str) -> None:
        if name in BUILT_IN:
            raise ComputeTargetError(f'"{name}" is built in and cannot be removed.')
        with self.store.write() as conn:
            if conn.execute("delete from compute_targets where name = ?", [name]).rowcount == 0:
                raise ComputeTargetError(f'There is no compute target "{name}".')


def _check_address(address: str) -> None:
    try:
        parts = urlsplit(address)
        well_formed = parts.scheme in SCHEDULER_SCHEMES and bool(parts.hostname) and parts.port is not None
    except ValueError:
        well_formed = False
    if not well_formed:
        raise ComputeTargetError(f'"{address}" is not a Dask scheduler address; give it as tcp://HOST:PORT.')


def dashboards(pipeline: Pipeline, stored: StoredTargets) -> dict[str, str]:
    """The dashboard link of each Dask target the pipeline's steps run on (the ones with a link), by name."""
    names = {node.compute or pipeline.default_compute for node in pipeline.nodes} - {None, *BUILT_IN}
    links = {}
    for name in sorted(names):
        try:
            info = stored.get(name)
        except ComputeTargetError:
            continue
        if info.dashboard:
            links[name] = info.dashboard
    return links


class Targets(Mapping[str, "ComputeTarget"]):
    """The compute targets of one engine by name: the built-in ones, and the workspace's Dask clusters as they
    are stored now (a target whose address changed is made again)."""

    def __init__(self, stored: StoredTargets, workers: int | None = None) -> None:
        self.stored = stored
        self.local = local_targets(workers)
        self.remote: dict[str, tuple[str, ComputeTarget]] = {}  # by name: (address, target)
        self._lock = threading.Lock()

    def __getitem__(self, name: str) -> ComputeTarget:
        if name in self.local:
            return self.local[name]
        try:
            info = self.stored.get(name)
        except ComputeTargetError:
            raise KeyError(name) from None
        with self._lock:
            address, target = self.remote.get(name, ("", None))
            if target is None or address != info.address:
                if target is not None:
                    target.close()
                target = dask_target(name, info.address)
                self.remote[name] = (info.address, target)
            return target

    def __iter__(self) -> Iterator[str]:
        return iter([info.name for info in self.stored.list()])

    def __len__(self) -> int:
        return len(self.stored.list())

    def close(self) -> None:
        for target in [*self.local.values(), *(target for _, target in self.remote.values())]:
            target.close()
