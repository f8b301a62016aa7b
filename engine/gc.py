"""Artifact garbage collection: remove the artifacts nothing refers to, and what interrupted writes left behind."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from engine.artifacts import SUFFIX
from engine.job_store import ACTIVE
from engine.workspace import Workspace

DEFAULT_GRACE = timedelta(minutes=10)

# One query per table that refers to artifacts, each yielding sha256s: a new referrer (models, endpoints) adds
# its query here and nowhere else.
REFERRERS = (
    "select json_extract(value, '$.sha256') from steps, json_each(outputs) where json_valid(outputs)",
    "select json_extract(value, '$.sha256') from step_cache, json_each(outputs) where json_valid(outputs)",
    "select artifact from datasets",
    "select artifact from assets union select schema_artifact from assets",  # registered: never collected
)
ARTIFACT_FILE = re.compile(rf"[0-9a-f]{{64}}({'|'.join(map(re.escape, SUFFIX.values()))})")
TEMPORARY_SUFFIX = ".tmp"


class GcRefused(Exception):
    """Garbage collection would race a job of the workspace that is still active."""


@dataclass
class GcReport:
    """What a collection removed (or, in a dry run, would remove)."""

    removed: int = 0  # unreferenced artifacts: their row and file
    bytes: int = 0  # freed on disk, all files together
    orphan_files: int = 0  # artifact files with no row (a write interrupted before its row)
    temporary_files: int = 0  # `*.tmp` files of interrupted writes
    missing: int = 0  # rows of unreferenced artifacts whose file was already gone
    lost: int = 0  # rows that something refers to whose file is gone: kept, reported (reuse recomputes them)
    dry_run: bool = False

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        files = f"{_count(self.orphan_files, 'orphan file')}, {_count(self.temporary_files, 'temporary file')}"
        text = (f"{'Would remove' if self.dry_run else 'Removed'} {_count(self.removed, 'artifact')} "
                f"({_size(self.bytes)}); {files}")
        if self.missing:
            text += f"; {_count(self.missing, 'record')} whose file was already gone"
        if self.lost:
            text += (f". {_count(self.lost, 'artifact')} that jobs or data sets refer to "
                     f"{'is' if self.lost == 1 else 'are'} missing on disk")
        return text


def collect_garbage(workspace: Workspace, *, grace: timedelta = DEFAULT_GRACE, dry_run: bool = False) -> GcReport:
    """Remove the artifacts nothing refers to, orphan and temporary files; anything younger than `grace` stays.

    Refused (GcRefused) while a job of the workspace is active. Everything happens under the workspace's write
    lock, so no job and no artifact row can appear meanwhile; files go before their rows and the rows with the
    commit, so an interruption leaves at worst rows of unreferenced artifacts without a file, which nothing
    loads and the next collection removes.
    """
    workspace.jobs.mark_interrupted()
    report = GcReport(dry_run=dry_run)
    root = workspace.artifacts.root
    newest = datetime.now(UTC) - grace
    with workspace.store.write() as conn:
        active = [r[0] for r in conn.execute(f"select id from jobs where status in ({','.join('?' * len(ACTIVE))})",
                                             list(ACTIVE))]
        if active:
            raise GcRefused(f"job(s) {', '.join(active)} of this workspace are still active; garbage collection "
                            "removes nothing until they end (wait, or `designer jobs cancel JOB`)")
        rows = conn.execute("select sha256, path, created from artifacts").fetchall()
        referenced = {sha for query in REFERRERS for (sha,) in conn.execute(query)}
        cutoff = newest.isoformat(timespec="milliseconds")  # the format of `created`
        old = [(sha, root / path) for sha, path, created in rows if (created or "") < cutoff]
        unreferenced = [(sha, file) for sha, file in old if sha not in referenced]
        report.lost = sum(not file.exists() for sha, file in old if sha in referenced)
        for _, file in unreferenced:
            size = _delete(file, dry_run)
            if size is None:
                report.missing += 1
            else:
                report.removed += 1
                report.bytes += size
        _delete_stray_files(root, {sha for sha, _, _ in rows}, newest.timestamp(), report)
        if not dry_run:
            conn.executemany("delete from artifacts where sha256 = ?", [(sha,) for sha, _ in unreferenced])
    return report


def _delete_stray_files(root: Path, recorded: set[str], newest: float, report: GcReport) -> None:
    """Delete the artifact files with no row and the temporary files last written before `newest`."""
    for file in sorted(root.glob("*/*")):
        orphan = bool(ARTIFACT_FILE.fullmatch(file.name)) and file.name[:64] not in recorded
        if not (orphan or file.name.endswith(TEMPORARY_SUFFIX)):
            continue
        try:
            stat = file.stat()
        except FileNotFoundError:  # a temporary file renamed into place meanwhile
            continue
        if stat.st_mtime < newest:
            _delete(file, report.dry_run)
            report.orphan_files += orphan
            report.temporary_files += not orphan
            report.bytes += stat.st_size


def _delete(file: Path, dry_run: bool) -> int | None:
    """Delete the file unless a dry run; returns its size, None if it was not there."""
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        return None
    if not dry_run:
        file.unlink(missing_ok=True)
    return size


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"
