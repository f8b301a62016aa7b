"""Ctrl+C and SIGTERM during `designer run`, sent to a real process mid-job: the job ends Canceled."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from engine.workspace import Workspace

NORMALIZE_STEPS = 12  # a few seconds of steps, even with their writes off the critical path


def slow_pipeline(path, compute: str = "local") -> None:
    """Enter Data Manually of 100,000 rows x 20 columns, then a chain of Normalize Data: a few seconds of steps."""
    data = np.random.default_rng(0).normal(size=(100_000, 20)).round(3)
    text = ",".join(f"c{i}" for i in range(20)) + "\n" + "\n".join(",".join(map(str, row)) for row in data)
    nodes = [{"id": "data", "component": "enter_data_manually", "params": {"Data": text}}]
    edges = []
    for i in range(NORMALIZE_STEPS):
        nodes.append({"id": f"n{i}", "component": "normalize_data"})
        edges.append({"source": nodes[-2]["id"], "source_port": "Dataset" if i == 0 else "Transformed dataset",
                      "target": f"n{i}", "target_port": "Dataset"})
    path.write_text(json.dumps({"schema_version": 3, "name": "slow", "default_compute": compute, "nodes": nodes,
                                "edges": edges}))


@pytest.mark.parametrize("number, compute, group", [
    (signal.SIGINT, "local", False),
    (signal.SIGTERM, "local", False),
    (signal.SIGINT, "local-processes", True),  # Ctrl+C in a terminal reaches the worker processes too
], ids=["SIGINT", "SIGTERM", "Ctrl+C with worker processes"])
def test_a_signal_mid_run_cancels_the_job(tmp_path, number, compute, group):
    path = tmp_path / "slow.json"
    slow_pipeline(path, compute)
    env = {**os.environ, "DESIGNER_WORKSPACE": str(tmp_path / "ws")}
    process = subprocess.Popen([sys.executable, "-m", "engine.cli", "run", str(path), "--json"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    progress = []
    for line in process.stderr:
        progress.append(line)
        if line.endswith(": Running\n"):  # the first step has started
            os.killpg(process.pid, number) if group else process.send_signal(number)
            break
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, "".join(progress) + err
    assert "Traceback" not in err
    job = json.loads(out)
    assert (job["status"], job["error"]) == ("Canceled", "Canceled by the user")
    statuses = [s["status"] for s in job["steps"]]
    assert "Canceled" in statuses and set(statuses) <= {"Completed", "Canceled"}
    assert statuses[-1] == "Canceled"  # the last Normalize Data never ran
    with Workspace(tmp_path / "ws") as workspace:
        assert workspace.store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert workspace.interrupted == [] and workspace.jobs.get(job["id"]).status == "Canceled"
