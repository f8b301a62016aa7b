"""The workspace database's schema, one migration per change; the pending ones are applied in order at open,
all in one IMMEDIATE transaction (each a savepoint in it), so every migration must be transactional. Listing them
imports nothing: sqlite_utils (which imports pandas) is loaded only when a migration is pending."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

Migration = Callable[["Database"], None]
MIGRATIONS: list[Migration] = []  # in order; `engine.store_upgrade` applies the pending ones


def migration(function: Migration) -> Migration:
    MIGRATIONS.append(function)
    return function


@migration
def m001_core(db: Database) -> None:
    """Data sets, drafts, experiments, jobs, steps, metrics and the artifacts the workspace wrote."""
    db["datasets"].create({"id": str, "name": str, "version": int, "description": str, "source_path": str,
                           "source_sha256": str, "artifact": str, "schema": str, "row_count": int,
                           "created": str}, pk="id", not_null={"name", "version", "artifact"})
    db["datasets"].create_index(["name", "version"], unique=True)
    db["drafts"].create({"id": str, "name": str, "pipeline": str, "created": str, "modified": str}, pk="id")
    db["experiments"].create({"name": str, "created": str}, pk="name")
    db["jobs"].create({"id": str, "experiment": str, "display_name": str, "description": str, "pipeline": str,
                       "parameters": str, "status": str, "created": str, "started": str, "finished": str,
                       "error": str, "pid": int, "regenerate": int, "cancel_requested": int}, pk="id")
    db["jobs"].create_index(["experiment", "created"])
    db["steps"].create({"job_id": str, "node_id": str, "component": str, "name": str, "status": str,
                        "fingerprint": str, "queued": str, "started": str, "finished": str, "duration": float,
                        "progress": float, "logs": str, "error": str, "outputs": str},
                       pk=("job_id", "node_id"))
    db["metrics"].create({"job_id": str, "node_id": str, "name": str, "value": float},
                         pk=("job_id", "node_id", "name"))
    db["artifacts"].create({"sha256": str, "kind": str, "path": str, "size": int, "created": str}, pk="sha256")


@migration
def m002_step_cache(db: Database) -> None:
    """Outputs and metrics by step fingerprint, so unchanged steps are reused."""
    db["step_cache"].create({"fingerprint": str, "outputs": str, "metrics": str, "logs": str, "job_id": str,
                             "node_id": str, "created": str}, pk="fingerprint")


@migration
def m003_job_draft(db: Database) -> None:
    """The draft a job was submitted from, so the draft shows its last run when it is opened again."""
    db["jobs"].add_column("draft_id", str)
    db["jobs"].create_index(["draft_id", "created"])


@migration
def m004_assets(db: Database) -> None:
    """Registered models and transformations: versioned per name, each with the job and step it came from, the
    job's metrics, the schema of the table it was fitted on, and its design-time schema as an artifact."""
    db["assets"].create({"id": str, "kind": str, "name": str, "version": int, "artifact": str,
                         "schema_artifact": str, "job_id": str, "node_id": str, "port": str, "metrics": str,
                         "input_schema": str, "description": str, "created": str}, pk="id",
                        not_null={"kind", "name", "version", "artifact", "schema_artifact"})
    db["assets"].create_index(["kind", "name", "version"], unique=True)


@migration
def m005_pipeline_endpoints(db: Database) -> None:
    """Published pipelines: named endpoints, each with versions (frozen pipeline snapshots) counting up from 0."""
    db["pipeline_endpoints"].create({"name": str, "description": str, "default_version": int, "created": str},
                                    pk="name")
    db["pipeline_versions"].create({"endpoint": str, "version": int, "pipeline": str, "description": str,
                                    "disabled": int, "source": str, "created": str}, pk=("endpoint", "version"),
                                   foreign_keys=[("endpoint", "pipeline_endpoints", "name")])


@migration
def m006_tokens(db: Database) -> None:
    """Workspace tokens for the built-in server: only the sha256 of each secret is kept."""
    db["tokens"].create({"id": str, "name": str, "hash": str, "created": str, "revoked": str}, pk="id",
                        not_null={"hash"})


@migration
def m007_online_endpoints(db: Database) -> None:
    """Real-time (online) endpoints: each with the sha256 of its primary and secondary keys, and its deployments
    (frozen real-time inference pipelines) counting up from 1 with every redeploy; the latest one serves."""
    db["online_endpoints"].create({"name": str, "primary_hash": str, "secondary_hash": str, "created": str},
                                  pk="name", not_null={"primary_hash", "secondary_hash"})
    db["online_deployments"].create({"endpoint": str, "version": int, "pipeline": str, "job_id": str,
                                     "created": str}, pk=("endpoint", "version"),
                                    foreign_keys=[("endpoint", "online_endpoints", "name")])


@migration
def m008_compute_targets(db: Database) -> None:
    """Compute targets beside the built-in ones: Dask clusters by name, with their scheduler address and the link
    to their dashboard."""
    db["compute_targets"].create({"name": str, "kind": str, "address": str, "dashboard": str, "created": str},
                                 pk="name", not_null={"kind", "address"})
