"""Commands that run nothing import nothing they do not use: no pandas, Arrow, scikit-learn or sqlite_utils to list
jobs or data sets or to validate a pipeline, no scikit-learn or joblib before a job's first step."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "regression_automobile_fuel_economy.json"
HEAVY = ("pandas", "numpy", "pyarrow", "sklearn", "scipy", "joblib", "sqlite_utils", "matplotlib")
# Run a command in a fresh interpreter; print the heavy modules it imported (stop: when the first step starts).
PROBE = f"""
import json, sys
from engine.cli import main
stop = sys.argv[1] == "--first-step"
if stop:
    from engine import step
    def first_step(spec, *args, **kwargs):
        print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), flush=True)
        import os; os._exit(0)
    step.execute_step = first_step
    import engine.compute
    engine.compute.execute_step = first_step
code = main(sys.argv[1 + stop:])
print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))
"""


def imported(workspace: Path, *args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args],
                          env={"DESIGNER_WORKSPACE": str(workspace), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A workspace made beforehand (samples registered), as a user's is."""
    root = tmp_path_factory.mktemp("startup") / "ws"
    imported(root, "datasets", "list")
    return root


@pytest.mark.parametrize("command", [["components"], ["jobs", "list"], ["datasets", "list"], ["drafts", "list"]])
def test_listing_imports_no_data_library(workspace, command):
    assert imported(workspace, *command) == set()


def test_validate_imports_no_data_library(workspace):
    assert imported(workspace, "validate", str(SAMPLE)) == set()


def test_a_job_reaches_its_first_step_without_learning_libraries(workspace):
    assert not imported(workspace, "--first-step", "run", str(SAMPLE)) & {"sklearn", "scipy", "joblib",
                                                                          "matplotlib", "sqlite_utils"}
