"""Jobs, their steps, metrics and the reuse cache, as rows of the workspace database."""
from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engine.pipeline import Pipeline
from engine.store import Store, insert, now

ACTIVE = ("NotStarted", "Queued", "Running")
FINAL = ("Completed", "Failed", "Canceled")


class JobNotFound(KeyError):
    def __str__(self) -> str:
        return f"No job with id {self.args[0]}."


@dataclass
class StepRecord:
    node_id: str
    component: str
    name: str
    status: str
    fingerprint: str | None = None
    queued: str | None = None
    started: str | None = None
    finished: str | None = None
    duration: float | None = None
    progress: float | None = None
    logs: str = ""
    error: dict | None = None
    outputs: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: dict) -> StepRecord:
        return cls(row["node_id"], row["component"], row["name"], row["status"], row["fingerprint"], row["queued"],
                   row["started"], row["finished"], row["duration"], row["progress"], row["logs"] or "",
                   json.loads(row["error"]) if row["error"] else None, json.loads(row["outputs"] or "{}"))


@dataclass
class JobRecord:
    id: str
    experiment: str
    display_name: str
    description: str
    pipeline: Pipeline
    parameters: dict[str, Any]
    status: str
    created: str
    started: str | None
    finished: str | None
    error: str | None
    steps: list[StepRecord] = field(default_factory=list)
    metrics: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def duration(self) -> float | None:
        if not self.started or not self.finished:
            return None
        return (datetime.fromisoformat(self.finished) - datetime.fromisoformat(self.started)).total_seconds()

    def step(self, node_id: str) -> StepRecord:
        return next(s for s in self.steps if s.node_id == node_id)

    def to_dict(self) -> dict:
        return {"id": self.id, "experiment": self.experiment, "display_name": self.display_name,
                "description": self.description, "status": self.status, "created": self.created,
                "started": self.started, "finished": self.finished, "duration": self.duration,
                "error": self.error, "parameters": self.parameters,
                "steps": [s.__dict__ for s in self.steps], "metrics": self.metrics}


class JobStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, pipeline: Pipeline, experiment: str, display_name: str = "", description: str = "",
               parameters: dict | None = None, regenerate: bool = False, draft_id: str | None = None) -> str:
        job_id = uuid.uuid4().hex[:12]
        stamp = now()
        with self.store.write() as conn:
            insert(conn, "experiments", {"name": experiment, "created": stamp}, ignore=True)
            insert(conn, "jobs", {"id": job_id, "experiment": experiment,
                                  "display_name": display_name or pipeline.name, "description": description,
                                  "pipeline": pipeline.to_json(indent=None), "parameters": json.dumps(parameters or {}),
                                  "status": "NotStarted", "created": stamp, "pid": os.getpid(),
                                  "regenerate": int(regenerate), "cancel_requested": 0, "draft_id": draft_id})
        return job_id

    def set_status(self, job_id: str, status: str, error: str | None = None,
                   steps: tuple[tuple[str, str, str], ...] = ()) -> None:
        """Change the job's status; `steps` (node id, component id, name) adds a NotStarted row per node."""
        stamp = now()
        with self.store.write() as conn:
            if steps:
                conn.executemany("insert or replace into steps (job_id, node_id, component, name, status, logs) "
                               "values (?, ?, ?, ?, 'NotStarted', '')", [(job_id, *step) for step in steps])
            if status == "Running":
                conn.execute("update jobs set status = ?, started = ? where id = ?", [status, stamp, job_id])
            elif status in FINAL:
                conn.execute("update jobs set status = ?, finished = ?, error = ? where id = ?",
                             [status, stamp, error, job_id])
            else:
                conn.execute("update jobs set status = ? where id = ?", [status, job_id])

    def record_step(self, job_id: str, step: dict[str, Any]) -> None:
        """Insert or update one step row (only the fields given change)."""
        row = {"job_id": job_id, **{k: json.dumps(v) if isinstance(v, (dict, list)) else v
                                    for k, v in step.items()}}
        _upsert(self.store, "steps", row, ("job_id", "node_id"))

    def record_metrics(self, job_id: str, node_id: str, metrics: dict[str, float]) -> None:
        with self.store.write() as conn:
            conn.executemany("insert into metrics (job_id, node_id, name, value) values (?, ?, ?, ?) "
                           "on conflict (job_id, node_id, name) do update set value = excluded.value",
                           [(job_id, node_id, name, value) for name, value in metrics.items()])

    def abandon(self, job_id: str, message: str) -> dict[str, str]:
        """End a job whose scheduler stopped: Failed, its Queued/Running steps Failed, the others Canceled;
        returns the new status of each step it changed."""
        stamp = now()
        with self.store.write() as conn:
            rows = conn.execute("select node_id, status from steps where job_id = ? and status in "
                                "('NotStarted', 'Queued', 'Running')", [job_id]).fetchall()
            ended = {node: "Failed" if status in ("Queued", "Running") else "Canceled" for node, status in rows}
            error = json.dumps({"code": "2000", "name": "UserError", "message": message})
            conn.executemany("update steps set status = ?, finished = ?, error = ? where job_id = ? and node_id = ?",
                             [(status, stamp, error if status == "Failed" else None, job_id, node)
                                 for node, status in ended.items()])
            conn.execute("update jobs set status = 'Failed', finished = ?, error = ? where id = ?",
                         [stamp, message, job_id])
        return ended

    def request_cancel(self, job_id: str) -> None:
        self.get_status(job_id)
        with self.store.write() as conn:
            conn.execute("update jobs set cancel_requested = 1 where id = ?", [job_id])

    def cancel_requested(self, job_id: str) -> bool:
        row = self.store.conn.execute("select cancel_requested from jobs where id = ?", [job_id]).fetchone()
        return bool(row and row[0])

    def get_status(self, job_id: str) -> str:
        row = self.store.conn.execute("select status from jobs where id = ?", [job_id]).fetchone()
        if row is None:
            raise JobNotFound(job_id)
        return row[0]

    def get(self, job_id: str) -> JobRecord:
        rows = list(self.store.query("select * from jobs where id = ?", [job_id]))
        if not rows:
            raise JobNotFound(job_id)
        job = self._record(rows[0])
        job.steps = [StepRecord.from_row(r) for r in
                     self.store.query("select * from steps where job_id = ? order by rowid", [job_id])]
        for m in self.store.query("select node_id, name, value from metrics where job_id = ? order by rowid",
                                  [job_id]):
            job.metrics.setdefault(m["node_id"], {})[m["name"]] = m["value"]
        return job

    def list(self, experiment: str | None = None, limit: int = 100) -> list[JobRecord]:
        where, args = ("where experiment = ?", [experiment]) if experiment else ("", [])
        rows = self.store.query(f"select * from jobs {where} order by created desc limit ?", [*args, limit])
        return [self._record(r) for r in rows]

    def latest_for_draft(self, draft_id: str) -> str | None:
        """The id of the newest job submitted from a draft."""
        row = self.store.conn.execute("select id from jobs where draft_id = ? order by created desc limit 1",
                                      [draft_id]).fetchone()
        return row[0] if row else None

    def latest_step(self, node_id: str) -> tuple[str, StepRecord] | None:
        """The newest Completed or Reused step of a node (by its stable UUID) in any job, with its job id."""
        rows = list(self.store.query(
            "select * from steps where node_id = ? and status in ('Completed', 'Reused') "
            "order by finished desc limit 1", [node_id]))
        return (rows[0]["job_id"], StepRecord.from_row(rows[0])) if rows else None

    def experiments(self) -> list[str]:
        return [r[0] for r in self.store.conn.execute("select name from experiments order by name")]

    def _record(self, row: dict) -> JobRecord:
        return JobRecord(row["id"], row["experiment"], row["display_name"], row["description"] or "",
                         Pipeline.from_json(row["pipeline"]), json.loads(row["parameters"] or "{}"), row["status"],
                         row["created"], row["started"], row["finished"], row["error"])

    def mark_interrupted(self) -> list[str]:
        """Jobs left active by a process that is gone are Failed ("interrupted"); returns their ids."""
        rows = list(self.store.query(
            f"select id, pid from jobs where status in ({','.join('?' * len(ACTIVE))})", list(ACTIVE)))
        gone = [r["id"] for r in rows if not _alive(r["pid"])]
        stamp = now()
        with self.store.write() as conn:
            for job_id in gone:
                conn.execute("update jobs set status = 'Failed', finished = ?, error = ? where id = ?",
                             [stamp, "interrupted: the process running this job stopped before it finished", job_id])
                conn.execute("update steps set status = 'Failed', error = ? where job_id = ? and status in "
                             "('Queued', 'Running')",
                             [json.dumps({"message": "interrupted"}), job_id])
                conn.execute("update steps set status = 'Canceled' where job_id = ? and status = 'NotStarted'",
                             [job_id])
        return gone

    # The reuse cache.
    def cached(self, fingerprint: str) -> dict | None:
        row = self.store.conn.execute("select outputs, metrics, logs, job_id, node_id from step_cache "
                                      "where fingerprint = ?", [fingerprint]).fetchone()
        if row is None:
            return None
        outputs, metrics, logs, job_id, node_id = row
        return {"outputs": json.loads(outputs), "metrics": json.loads(metrics or "{}"), "logs": logs or "",
                "job_id": job_id, "node_id": node_id}

    def remember(self, fingerprint: str, outputs: dict, metrics: dict, logs: str, job_id: str, node_id: str) -> None:
        _upsert(self.store, "step_cache", {"fingerprint": fingerprint, "outputs": json.dumps(outputs),
                                           "metrics": json.dumps(metrics), "logs": logs, "job_id": job_id,
                                           "node_id": node_id, "created": now()}, ("fingerprint",))


def _upsert(store: Store, table: str, row: dict[str, Any], keys: tuple[str, ...]) -> None:
    """INSERT ... ON CONFLICT DO UPDATE of the given columns: the hot path of every step event."""
    columns = ", ".join(f'"{c}"' for c in row)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in row if c not in keys) or f'"{keys[0]}" = "{keys[0]}"'
    sql = (f'insert into "{table}" ({columns}) values ({", ".join("?" * len(row))}) '
           f'on conflict ({", ".join(keys)}) do update set {updates}')
    with store.write() as conn:
        conn.execute(sql, list(row.values()))


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
