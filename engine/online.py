"""Real-time (online) endpoints: a completed real-time inference job deployed under a name, with per-endpoint
primary and secondary keys (random, shown once, kept only as sha256 hashes).

Each deploy to a name adds a deployment (version 1, 2, ...) holding the job's pipeline frozen with its data set,
Saved Model and Saved Transformation versions pinned; the latest deployment is the one that serves. Keys belong
to the endpoint and survive redeploys.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from engine.pipeline import Pipeline
from engine.publishing import pinned
from engine.secret_keys import matches, new_secret, secret_hash
from engine.store import insert, now
from engine.workspace import Workspace
from nodes.registry import Registry, default_registry

KeyName = Literal["primary", "secondary"]
KEY_NAMES: tuple[KeyName, ...] = ("primary", "secondary")
NAME_RULE = re.compile(r"[A-Za-z][A-Za-z0-9-]{2,31}")
REALTIME = "realtime"


class OnlineEndpointError(ValueError):
    """A deploy or key request that cannot be done: says why."""


class OnlineEndpointNotFound(OnlineEndpointError):
    def __init__(self, name: str) -> None:
        super().__init__(f'No online endpoint "{name}".')


@dataclass(frozen=True)
class Deployment:
    """One deployed version of an endpoint: the frozen pipeline and the job it came from."""

    endpoint: str
    version: int
    pipeline: Pipeline
    job_id: str
    created: str


@dataclass(frozen=True)
class OnlineEndpoint:
    name: str
    created: str
    deployment: Deployment  # the latest, which serves

    def to_dict(self) -> dict:
        return {"name": self.name, "version": self.deployment.version, "job_id": self.deployment.job_id,
                "pipeline": self.deployment.pipeline.name, "created": self.created,
                "deployed": self.deployment.created}


@dataclass(frozen=True)
class Credentials:
    """What a scoring request is checked against: the serving version and the hashes of the two keys."""

    version: int
    hashes: tuple[str, str]

    def accepts(self, key: str) -> bool:
        """`key` is the primary or the secondary key; both hashes are compared in constant time."""
        return matches(key, self.hashes)


class OnlineEndpoints:
    """The workspace's online endpoints, their deployments and keys."""

    def __init__(self, workspace: Workspace, registry: Registry | None = None) -> None:
        self.workspace = workspace
        self.store = workspace.store
        self.registry = registry or default_registry()

    def deploy(self, job_id: str, name: str) -> tuple[OnlineEndpoint, str | None]:
        """Deploy a completed real-time inference job as the next version of endpoint `name`; returns the endpoint
        and, when this deploy created it, its primary key (shown only now; a redeploy keeps the keys)."""
        if not NAME_RULE.fullmatch(name):
            raise OnlineEndpointError(f'"{name}" is not a valid endpoint name: 3 to 32 letters, digits and dashes, '
                                      "starting with a letter.")
        job = self.workspace.jobs.get(job_id)
        if job.status != "Completed":
            raise OnlineEndpointError(f"job {job_id} is {job.status}: only a completed real-time inference job can "
                                      "be deployed")
        if job.pipeline.kind != REALTIME:
            raise OnlineEndpointError(f"job {job_id} ran a {job.pipeline.kind or 'training'} pipeline: deploy a job "
                                      "of a real-time inference pipeline (`designer inference JOB --kind realtime`)")
        frozen = pinned(job.pipeline, self.workspace, self.registry)
        stamp = now()
        key = None
        with self.store.write() as conn:
            latest = conn.execute("select max(version) from online_deployments where endpoint = ?",
                                  [name]).fetchone()[0]
            if latest is None:
                key = new_secret()
                insert(conn, "online_endpoints", {"name": name, "primary_hash": secret_hash(key),
                                                  "secondary_hash": secret_hash(new_secret()), "created": stamp})
            insert(conn, "online_deployments", {"endpoint": name, "version": (latest or 0) + 1, "job_id": job_id,
                                                "pipeline": frozen.to_json(indent=None), "created": stamp})
        return self.get(name), key

    def list(self) -> list[OnlineEndpoint]:
        names = [r[0] for r in self.store.conn.execute("select name from online_endpoints order by name")]
        return [self.get(name) for name in names]

    def get(self, name: str) -> OnlineEndpoint:
        rows = list(self.store.query(
            "select e.created as endpoint_created, d.* from online_endpoints e join online_deployments d "
            "on d.endpoint = e.name where e.name = ? order by d.version desc limit 1", [name]))
        if not rows:
            raise OnlineEndpointNotFound(name)
        row = rows[0]
        deployment = Deployment(name, row["version"], Pipeline.from_json(row["pipeline"]), row["job_id"],
                                row["created"])
        return OnlineEndpoint(name, row["endpoint_created"], deployment)

    def credentials(self, name: str) -> Credentials:
        """The serving version and key hashes, in one indexed read (done for every scoring request)."""
        row = self.store.conn.execute(
            "select (select max(version) from online_deployments where endpoint = e.name), primary_hash, "
            "secondary_hash from online_endpoints e where name = ?", [name]).fetchone()
        if row is None:
            raise OnlineEndpointNotFound(name)
        return Credentials(row[0], (row[1], row[2]))

    def regenerate(self, name: str, which: KeyName) -> str:
        """A new primary or secondary key (the old one stops working at once); returned only now."""
        if which not in KEY_NAMES:
            raise OnlineEndpointError(f'unknown key "{which}"; choose primary or secondary')
        self.get(name)
        key = new_secret()
        with self.store.write() as conn:
            conn.execute(f"update online_endpoints set {which}_hash = ? where name = ?", [secret_hash(key), name])
        return key

    def delete(self, name: str) -> None:
        self.get(name)
        with self.store.write() as conn:
            conn.execute("delete from online_deployments where endpoint = ?", [name])
            conn.execute("delete from online_endpoints where name = ?", [name])
