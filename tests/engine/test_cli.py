"""The `designer` command end to end, in a subprocess on a temporary workspace."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.pipeline import Pipeline
from engine.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
REGRESSION = SAMPLES / "regression_automobile_fuel_economy.json"


@pytest.fixture
def designer(tmp_path):
    env = {**os.environ, "DESIGNER_WORKSPACE": str(tmp_path / "ws")}

    def call(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "engine.cli", *args], capture_output=True, text=True,
                              env=env, timeout=120)
    return call


def test_run_the_regression_sample_then_reuse(designer):
    first = designer("run", str(REGRESSION), "--experiment", "cars")
    assert first.returncode == 0, first.stderr
    assert "Completed" in first.stdout and "Coefficient_of_Determination" in first.stdout
    assert "[  8/8] Evaluate Model: Completed" in first.stderr
    again = designer("run", str(REGRESSION), "--experiment", "cars", "--json")
    assert again.returncode == 0
    job = json.loads(again.stdout)
    assert {s["status"] for s in job["steps"]} == {"Reused"}
    assert job["metrics"]  # metrics of reused steps are still reported
    listed = designer("jobs", "list", "--json")
    assert [j["experiment"] for j in json.loads(listed.stdout)] == ["cars", "cars"]
    shown = designer("jobs", "show", job["id"])
    assert "Evaluate Model" in shown.stdout and "Reused" in shown.stdout
    ended = designer("jobs", "cancel", job["id"])
    assert ended.returncode == 1 and "has already ended (Completed)" in ended.stderr


def test_parameters_and_regenerate(designer):
    result = designer("run", str(REGRESSION), "--param", "training-fraction=0.5", "--regenerate", "--json")
    assert result.returncode == 0, result.stderr
    job = json.loads(result.stdout)
    assert job["parameters"] == {"training-fraction": "0.5"}
    bad = designer("run", str(REGRESSION), "--param", "training-fraction=lots")
    assert bad.returncode == 2 and 'Pipeline parameter "training-fraction"' in bad.stderr


def test_a_failing_job_exits_1_with_the_error(designer, tmp_path):
    doc = json.loads(REGRESSION.read_text())
    train = next(n for n in doc["nodes"] if n["component"] == "train_model")
    learner = next(n for n in doc["nodes"] if n["component"] == "linear_regression")
    learner["component"] = "two_class_logistic_regression"  # a binary learner on a numeric label: fails at run
    learner["params"] = {}
    train["params"]["Label column"] = {"isFilter": True, "rules": [
        {"ruleType": "ColumnNames", "exclude": False, "columns": ["Cylinders"]}]}
    path = tmp_path / "failing.json"
    path.write_text(json.dumps(doc))
    result = designer("run", str(path))
    assert result.returncode == 1
    assert "Train Model: Failed - Error 0013" in result.stderr
    assert "Failed" in result.stdout and "exactly 2 classes" in result.stdout


@pytest.mark.parametrize("content, fragment", [
    ("{broken", "is not valid JSON"),
    ('{"schema_version": 3, "nodes": [{"component": "no_such_component"}]}', 'Unknown component "no_such_component"'),
    ('{"schema_version": 3, "nodes": [], "edges": []}', "The pipeline has no components"),
])
def test_bad_pipelines_exit_2_with_a_message(designer, tmp_path, content, fragment):
    path = tmp_path / "bad.json"
    path.write_text(content)
    for command in ("run", "validate"):
        result = designer(command, str(path))
        assert result.returncode == 2 and fragment in result.stderr and "Traceback" not in result.stderr
    assert json.loads(designer("jobs", "list", "--json").stdout) == []  # nothing was recorded


def test_validate_names_node_and_column(designer, tmp_path):
    doc = json.loads(REGRESSION.read_text())
    select = next(n for n in doc["nodes"] if n["component"] == "select_columns")
    select["params"]["Select Columns"]["rules"][1]["columns"] = ["Nmae"]
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(doc))
    result = designer("validate", str(path))
    assert result.returncode == 2
    assert 'Select Columns in Dataset [Select Columns]: Column with name or index "Nmae" not found.' in result.stderr
    assert designer("validate", str(REGRESSION)).returncode == 0


def test_datasets_and_components(designer, tmp_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("a,b\n1,x\n2,y\n")
    bad.write_text('a,b\n1,"open\n')
    assert "Registered mine version 1: 2 rows, 2 columns" in designer("datasets", "register", str(good),
                                                                     "--name", "mine").stdout
    failed = designer("datasets", "register", str(bad), "--name", "broken")
    assert failed.returncode == 1 and "bad.csv does not parse as CSV" in failed.stderr
    names = [d["name"] for d in json.loads(designer("datasets", "list", "--json").stdout)]
    assert names == ["Automobile fuel economy", "Breast cancer diagnosis", "Palmer penguins", "mine"]
    components = json.loads(designer("components", "--json").stdout)
    assert {"Train Model", "Score Model", "Evaluate Model", "Split Data"} <= {c["name"] for c in components}


def test_unknown_job(designer):
    result = designer("jobs", "show", "nope")
    assert result.returncode == 1 and "No job with id nope" in result.stderr


def test_drafts_import_export_rename_clone_delete(designer, tmp_path):
    imported = designer("drafts", "import", str(REGRESSION), "--name", "Mine")
    assert imported.returncode == 0, imported.stderr
    draft_id = imported.stdout.split()[1]
    assert designer("drafts", "rename", draft_id, "Renamed").returncode == 0
    exported = tmp_path / "out.json"
    designer("drafts", "export", draft_id, str(exported))
    _one_line_error(designer("drafts", "export", draft_id, str(exported)), 2, "exists; add --force")
    _one_line_error(designer("drafts", "export", draft_id, str(tmp_path / "ws" / "d.json")), 2, "inside the workspace")
    doc = json.loads(exported.read_text())
    assert doc["name"] == "Renamed" and len(doc["nodes"]) == 8
    job = json.loads(designer("run", str(exported), "--json").stdout)
    assert "created from job" in designer("jobs", "clone", job["id"]).stdout
    names = [d["name"] for d in json.loads(designer("drafts", "list", "--json").stdout)]
    assert sorted(names) == ["Renamed", "Renamed (clone)"]
    assert designer("drafts", "delete", draft_id).returncode == 0
    missing = designer("drafts", "delete", draft_id)
    assert missing.returncode == 1 and f"No draft with id {draft_id}" in missing.stderr


def test_step_output_as_csv_and_parquet_outside_the_workspace(designer, tmp_path):
    job = json.loads(designer("run", str(REGRESSION), "--json").stdout)
    csv = designer("jobs", "output", job["id"], "Score Model", "Scored dataset")
    assert csv.returncode == 0, csv.stderr
    assert designer("jobs", "output", job["id"], "score_model", "Scored dataset").stdout == csv.stdout  # its id
    header = csv.stdout.splitlines()[0].split(",")
    assert header[-1] == "Scored Labels" and "Miles_per_Gallon" in header
    path = tmp_path / "scored.parquet"
    assert designer("jobs", "output", job["id"], "Score Model", "Scored dataset", "-o", str(path)).returncode == 0
    import pandas as pd
    assert len(pd.read_parquet(path)) == len(csv.stdout.splitlines()) - 1
    model = designer("jobs", "output", job["id"], "Train Model", "Trained model")
    assert model.returncode == 1 and "not a data set" in model.stderr
    wrong = designer("jobs", "output", job["id"], "Score Model", "Nope")
    assert wrong.returncode == 1 and 'has no output "Nope"' in wrong.stderr
    output = ("jobs", "output", job["id"], "Score Model", "Scored dataset", "-o")
    _one_line_error(designer(*output, str(tmp_path / "ws" / "workspace.db"), "--force"), 2, "inside the workspace")
    _one_line_error(designer(*output, str(path)), 2, "exists; add --force to replace it")
    path.write_text("mine")
    assert designer(*output, str(path), "--force").returncode == 0  # the database is intact
    assert len(pd.read_parquet(path)) == len(csv.stdout.splitlines()) - 1
    with open("/dev/full", "w") as full:
        to_full = subprocess.run([sys.executable, "-m", "engine.cli", *output[:-1]], stdout=full, stderr=subprocess.PIPE,
                                 text=True, env={**os.environ, "DESIGNER_WORKSPACE": str(tmp_path / "ws")}, timeout=120)
    _one_line_error(to_full, 1, "cannot write to the standard output: No space left on device")
    assert [p.name for p in tmp_path.rglob("*.tmp")] == []


def _one_line_error(result: subprocess.CompletedProcess, code: int, fragment: str) -> None:
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("designer: ") and fragment in result.stderr


def test_datasets_delete(designer, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("a\n1\n")
    designer("datasets", "register", str(path), "--name", "temp")
    assert designer("datasets", "delete", "temp").stdout.startswith("Deleted 1 version")
    gone = designer("datasets", "delete", "temp")
    assert gone.returncode == 1 and 'no data set "temp"' in gone.stderr


def _one_line_error(result: subprocess.CompletedProcess, code: int, fragment: str) -> None:
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("designer: ") and fragment in result.stderr


def test_jobs_show_an_interrupted_job(designer, tmp_path):
    with Workspace(tmp_path / "ws") as workspace:
        pipeline = Pipeline.load(REGRESSION)
        job_id = workspace.jobs.create(pipeline, "Default")
        workspace.jobs.set_status(job_id, "Running", steps=tuple((n.id, n.component, n.component)
                                                                 for n in pipeline.nodes))
        workspace.jobs.record_step(job_id, {"node_id": pipeline.nodes[0].id, "status": "Running"})
        workspace.store.db.execute("update jobs set pid = ? where id = ?", [2 ** 22 + 1, job_id])  # a pid gone
        workspace.store.db.conn.commit()
    shown = designer("jobs", "show", job_id)
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    assert "Failed" in shown.stdout and "interrupted" in shown.stdout
    assert f"{pipeline.nodes[0].component:<32} Failed" in shown.stdout
