"""Faults with real processes and a full disk: kill -9 during a step, a registration and a draft autosave; no space
left for an artifact, for the database, or mid-run. After each: the database passes its integrity check, no job is
left Running, no temporary file is left (or the next open removes it), and the next run is correct."""
from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from engine.artifacts import TEMPORARY_FOLDER, ArtifactFiles
from engine.disk_full import DiskFull
from engine.engine import Engine
from engine.job_store import ACTIVE
from engine.store import RESERVE_BYTES, ReadOnlyWorkspace
from engine.workspace import Workspace
from nodes.table import Table
from tests.engine.builders import data_node, node, pipeline, wire
from tests.engine.fakes import registry

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_S = 30.0


def integrity(workspace: Path) -> str:
    with sqlite3.connect(workspace / "workspace.db") as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def temporaries(workspace: Path) -> list[Path]:
    return sorted((workspace / "artifacts").rglob("*.tmp"))


def active_jobs(ws: Workspace) -> list[str]:
    return [job.id for job in ws.jobs.list() if job.status in ACTIVE or
            any(step.status in ("Queued", "Running") for step in ws.jobs.get(job.id).steps)]


def start(script: str, *args: str) -> subprocess.Popen:
    """A Python process running `script` from the repository root, its stdout a pipe of text lines."""
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def read_until(process: subprocess.Popen, done) -> list[str]:
    """The lines the process printed until `done(line)` says so."""
    lines = []
    while True:
        line = process.stdout.readline()
        assert line, f"the process ended before it was killed ({lines[-3:]})"
        lines.append(line.strip())
        if done(line.strip()):
            return lines


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(DEADLINE_S)
    process.stdout.close()


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


# -- kill -9 ------------------------------------------------------------------------------------------------------

STEP = """
import sys, time
from engine.engine import Engine
from engine.workspace import Workspace
from tests.engine.builders import data_node, node, pipeline, wire
from tests.engine.fakes import registry
ws = Workspace(sys.argv[1], samples=False)
Engine(ws, registry(), max_workers=1).submit(pipeline(node("test_slow", Seconds=60)))
time.sleep(120)
"""


def test_kill_during_a_step_leaves_the_job_interrupted_and_the_next_run_correct(tmp_path):
    root = tmp_path / "ws"
    process = start(STEP, str(root))
    try:
        def running() -> bool:
            try:
                with sqlite3.connect(root / "workspace.db") as conn:
                    return conn.execute("select count(*) from steps where status = 'Running'").fetchone()[0] > 0
            except sqlite3.Error:
                return False
        wait_for(running, "the step to run")
    finally:
        kill(process)
    assert integrity(root) == "ok"
    with Workspace(root, samples=False) as ws:
        assert len(ws.interrupted) == 1
        job = ws.jobs.get(ws.interrupted[0])
        assert job.status == "Failed" and "interrupted" in job.error
        assert active_jobs(ws) == []
        assert temporaries(root) == []
        engine = Engine(ws, registry(), max_workers=1)
        try:
            again = engine.submit(pipeline(node("test_slow", Seconds=0.05, Tag="again"))).wait(DEADLINE_S)
            assert again.status == "Completed"
            output = engine.output(again.id, again.steps[0].node_id, "Dataset")
            assert output.frame["tag"].tolist() == ["again"]
        finally:
            engine.close()


WRITER = """
import os, sys, time
from engine.artifacts import ArtifactFiles
fd, path = ArtifactFiles(sys.argv[1]).temporary()
os.write(fd, b"half an artifact")
print(path, flush=True)
time.sleep(120)
"""


def test_the_temporary_file_of_a_writer_killed_mid_write_goes_at_the_next_open(tmp_path):
    root = tmp_path / "ws"
    Workspace(root, samples=False).close()
    process = start(WRITER, str(root / "artifacts"))
    try:
        left = Path(read_until(process, lambda line: line.endswith(".tmp"))[-1])
    finally:
        kill(process)
    assert left.exists() and left.parent.name == TEMPORARY_FOLDER
    mine = ArtifactFiles(root / "artifacts").temporary()  # a writer that is alive: its file stays
    os.close(mine[0])
    with Workspace(root, samples=False):
        assert temporaries(root) == [mine[1]]


def test_a_temporary_file_nobody_touched_for_long_goes_whoever_wrote_it(tmp_path):
    root = tmp_path / "ws"
    Workspace(root, samples=False).close()
    old = root / "artifacts" / TEMPORARY_FOLDER / "another-host-123-abcdefgh.tmp"
    fresh = old.with_name("another-host-456-abcdefgh.tmp")
    old.parent.mkdir()
    for file in (old, fresh):
        file.write_bytes(b"x")
    os.utime(old, (time.time() - 2 * 3600,) * 2)
    with Workspace(root, samples=False):
        assert temporaries(root) == [fresh]  # another host's writer may still be at it


REGISTER = """
import sys
from engine.workspace import Workspace
ws = Workspace(sys.argv[1], samples=False)
for i in range(1000):
    ws.datasets.register(sys.argv[2], "big")
    print(i, flush=True)
"""


def test_kill_during_registrations_keeps_every_registered_version_whole(tmp_path):
    root, csv = tmp_path / "ws", tmp_path / "big.csv"
    pd.DataFrame(np.random.default_rng(0).random((40_000, 4))).to_csv(csv, index=False)
    process = start(REGISTER, str(root), str(csv))
    try:
        read_until(process, lambda line: line == "1")
        time.sleep(0.15)  # somewhere in the middle of the next one
    finally:
        kill(process)
    assert integrity(root) == "ok"
    with Workspace(root, samples=False) as ws:
        assert temporaries(root) == []
        versions = [info.version for info in ws.datasets.list()]
        assert versions == list(range(1, len(versions) + 1)) and len(versions) >= 2
        for version in versions:
            assert ws.datasets.load_dataset("big", version).frame.shape == (40_000, 4)
        assert ws.datasets.register(csv, "big").version == len(versions) + 1


AUTOSAVE = """
import sys
from engine.pipeline import Node, Pipeline
from engine.workspace import Workspace
ws = Workspace(sys.argv[1], samples=False)
draft = ws.drafts.create(Pipeline(name="Autosaved"))
for count in range(1, 100_000):
    nodes = [Node(component="select_columns", params={"Select Columns": "x" * 2000}) for _ in range(count % 40)]
    ws.drafts.save(draft, Pipeline(name=f"Autosaved {count}", nodes=nodes))
    print(count, flush=True)
"""


def test_kill_during_a_draft_autosave_keeps_the_draft_whole(tmp_path):
    root = tmp_path / "ws"
    process = start(AUTOSAVE, str(root))
    try:
        saved = int(read_until(process, lambda line: int(line) >= 50)[-1])
    finally:
        kill(process)
    assert integrity(root) == "ok"
    with Workspace(root, samples=False) as ws:
        [info] = ws.drafts.list()
        draft = ws.drafts.load(info.id)
        count = int(draft.name.split()[-1])
        assert count >= saved  # every save it reported is there, the one it was making whole or absent
        assert len(draft.nodes) == count % 40
        assert temporaries(root) == []


# -- no space left, with a patched write (anywhere) -----------------------------------------------------------------

@pytest.fixture
def full_artifacts(monkeypatch):
    """Artifact writes fail with ENOSPC, as on a full disk: what they write goes to /dev/full."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    real = ArtifactFiles.temporary

    def temporary(self):
        fd, path = real(self)
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), path
    monkeypatch.setattr(ArtifactFiles, "temporary", temporary)


def test_an_artifact_write_on_a_full_disk_says_so_and_leaves_no_temporary_file(tmp_path, full_artifacts):
    files = ArtifactFiles(tmp_path / "ws" / "artifacts")
    table = Table(pd.DataFrame({"x": np.arange(300_000)}))
    with pytest.raises(DiskFull) as error:
        files.write(table)
    message = str(error.value)
    assert message.startswith(f"No space left on the device holding the workspace ({tmp_path / 'ws'}): ")
    assert message.endswith(" MB needed") and int(message.split()[-3]) >= 1
    assert error.value.errno == errno.ENOSPC
    assert temporaries(tmp_path / "ws") == []


def test_registering_on_a_full_disk_registers_nothing(workspace, tmp_path, full_artifacts):
    (tmp_path / "d.csv").write_text("a\n1\n")
    before = workspace.datasets.list()
    with pytest.raises(DiskFull, match="No space left on the device holding the workspace"):
        workspace.datasets.register(tmp_path / "d.csv", "d")
    assert workspace.datasets.list() == before
    assert temporaries(workspace.root) == []


def test_a_step_that_cannot_write_its_output_fails_the_job_with_the_reason(workspace, full_artifacts):
    engine = Engine(workspace, registry(), max_workers=1)
    try:
        job = engine.submit(pipeline(node("test_slow", Seconds=0))).wait(DEADLINE_S)
    finally:
        engine.close()
    assert job.status == "Failed"
    assert job.steps[0].error["code"] == "0160" and job.steps[0].error["name"] == "FailedToWriteOutputs"
    assert "No space left on the device holding the workspace" in job.error
    assert temporaries(workspace.root) == []


def test_a_database_write_on_a_full_disk_says_so_keeps_nothing_and_gives_back_the_reserve(workspace):
    reserve = workspace.store.reserve
    assert reserve.stat().st_size == RESERVE_BYTES
    db = workspace.store.db
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")  # the file may not grow
    drafts = workspace.drafts.list()
    with pytest.raises(DiskFull, match=rf"^No space left on the device holding the workspace \({workspace.root}\)$"):
        workspace.drafts.create(pipeline(*[node("select_columns", Note="x" * 10_000) for _ in range(50)]))
    assert not reserve.exists()
    assert workspace.drafts.list() == drafts
    assert not db.conn.in_transaction
    db.execute("PRAGMA max_page_count = 1073741823")
    workspace.drafts.create(pipeline())  # the store works again once there is room
    with Workspace(workspace.root, samples=False):
        assert reserve.stat().st_size == RESERVE_BYTES  # taken again at the next open


# -- no space left on a real (small tmpfs) disk ----------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB tmpfs (as root, where mounting is allowed)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (the tests with a patched write cover the rest)")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> Path:
    """Take every byte left on `disk`; returns the file holding them."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    try:
        while True:
            os.write(fd, b"\0")
    except OSError:
        pass
    os.close(fd)
    return filler


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "engine.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


def test_a_run_that_fills_the_disk_mid_way_fails_its_job_with_the_reason(small_disk):
    root, csv = small_disk / "ws", small_disk.with_name("numbers.csv")
    pd.DataFrame(np.random.default_rng(0).random((80_000, 4)), columns=list("abcd")).to_csv(csv, index=False)
    with Workspace(root, samples=False) as ws:
        ws.datasets.register(csv, "numbers")  # about 2.6 MB: its normalised copy does not fit beside it
        source, normalize = node("dataset", Dataset="numbers"), node("normalize_data")
        engine = Engine(ws, max_workers=1)
        try:
            job = engine.submit(pipeline(source, normalize, edges=[wire(source, "Dataset", normalize, "Dataset")]))
            job = job.wait(DEADLINE_S)
            assert job.status == "Failed" and job.step(normalize.id).error["code"] == "0160"
            assert f"No space left on the device holding the workspace ({root}): 3 MB needed" in job.error
            assert temporaries(root) == [] and active_jobs(ws) == []
            small, normalize = data_node(), node("normalize_data")
            again = engine.submit(pipeline(small, normalize, edges=[wire(small, "Dataset", normalize, "Dataset")]))
            assert again.wait(DEADLINE_S).status == "Completed"
        finally:
            engine.close()
    assert integrity(root) == "ok"


def test_a_database_that_fills_up_mid_run_still_records_why_the_job_failed(small_disk):
    root = small_disk / "ws"
    with Workspace(root, samples=False) as ws:
        engine = Engine(ws, registry(), max_workers=1)
        try:
            handle = engine.submit(pipeline(node("test_slow", Seconds=1.0)))
            wait_for(lambda: ws.jobs.get(handle.id).steps and ws.jobs.get(handle.id).steps[0].status == "Running",
                     "the step to run")
            filler = fill(small_disk)
            job = handle.wait(DEADLINE_S)
            assert job.status == "Failed" and "No space left on the device holding the workspace" in job.error
            assert active_jobs(ws) == []
            filler.unlink()
            assert engine.submit(pipeline(node("test_slow", Seconds=0))).wait(DEADLINE_S).status == "Completed"
        finally:
            engine.close()
    assert integrity(root) == "ok" and temporaries(root) == []


def test_the_command_line_on_a_full_disk_says_so_in_one_line(small_disk, tmp_path):
    root, csv = small_disk / "ws", tmp_path / "numbers.csv"
    pd.DataFrame(np.random.default_rng(0).random((200_000, 4))).to_csv(csv, index=False)
    sample = ROOT / "resources" / "samples" / "regression_automobile_fuel_economy.json"
    assert cli("--workspace", str(root), "datasets", "list").returncode == 0
    registered = cli("--workspace", str(root), "datasets", "register", str(csv), "--name", "numbers")
    assert (registered.returncode, registered.stderr.splitlines()) == (1, [  # streamed: its size is not known ahead
        f"designer: No space left on the device holding the workspace ({root})"])
    assert temporaries(root) == []
    filler = fill(small_disk)
    run = cli("--workspace", str(root), "run", str(sample))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[-1] == f"designer: No space left on the device holding the workspace ({root})"
    filler.unlink()
    with Workspace(root) as ws:
        assert active_jobs(ws) == [] and temporaries(root) == []
    assert integrity(root) == "ok"
    assert cli("--workspace", str(root), "run", str(sample)).returncode == 0


# -- a read-only workspace -------------------------------------------------------------------------------------------

@pytest.fixture
def read_only(tmp_path):
    """A workspace folder that cannot be written: a tmpfs remounted read-only as root, a chmod otherwise."""
    folder = tmp_path / "disk"
    folder.mkdir()
    root = folder / "ws"
    if os.geteuid() == 0:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                          capture_output=True).returncode != 0:
            pytest.skip("root, but cannot mount a tmpfs to make read-only")
        Workspace(root, samples=False).close()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield root
        subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        Workspace(root, samples=False).close()
        for path in (root, root / "workspace.db"):
            path.chmod(0o555 if path.is_dir() else 0o444)
        yield root
        root.chmod(0o755)


def test_a_read_only_workspace_says_read_only(read_only):
    with pytest.raises(ReadOnlyWorkspace, match=rf"^the workspace {read_only} is read-only"):
        Workspace(read_only)
    with pytest.raises(ReadOnlyWorkspace, match="is read-only"):
        Workspace(read_only / "not yet there")
