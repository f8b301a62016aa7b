"""`designer inference create` and `designer models` end to end, in subprocesses on a temporary workspace."""
from __future__ import annotations

import json

from engine.pipeline import Pipeline
from tests.engine.test_cli import REGRESSION, designer  # noqa: F401 - the fixture


def train(designer) -> str:  # noqa: F811
    result = designer("run", str(REGRESSION), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["id"]


def test_create_a_batch_inference_draft_and_export_it(designer, tmp_path):  # noqa: F811
    job_id = train(designer)
    created = designer("inference", "create", job_id, "--kind", "batch", "--name", "Cars batch", "--json")
    assert created.returncode == 0, created.stderr
    answer = json.loads(created.stdout)
    assert [w.split(":")[0] for w in answer["warnings"]] == ["Evaluate Model"]
    exported = designer("drafts", "export", answer["draft_id"], str(tmp_path / "batch.json"))
    assert exported.returncode == 0, exported.stderr
    pipeline = Pipeline.load(tmp_path / "batch.json")
    assert (pipeline.name, pipeline.kind, pipeline.lineage.training_job) == ("Cars batch", "batch", job_id)
    assert [p.kind for p in pipeline.parameters] == ["Dataset"]
    plain = designer("inference", "create", job_id, "--kind", "realtime")
    assert plain.returncode == 0 and "warning: Evaluate Model" in plain.stderr
    assert len(plain.stdout.split()) == 1  # the draft id alone
    listed = json.loads(designer("models", "list", "--json").stdout)
    assert sorted(a["kind"] for a in listed) == ["model", "transformation"]  # registered once for both drafts


def test_models_register_list_and_show(designer):  # noqa: F811
    job_id = train(designer)
    registered = designer("models", "register", job_id, "Train Model", "--name", "cars", "--json")
    assert registered.returncode == 0, registered.stderr
    assert {k: json.loads(registered.stdout)[k] for k in ("name", "version", "job_id")} == {
        "name": "cars", "version": 1, "job_id": job_id}
    shown = designer("models", "show", "cars")
    assert shown.returncode == 0 and "Model cars version 1" in shown.stdout
    assert "Coefficient_of_Determination" in shown.stdout and "Miles_per_Gallon (Double)" in shown.stdout
    listed = designer("models", "list", "--kind", "model")
    assert listed.stdout.split()[:3] == ["model", "cars", "v1"]
    missing = designer("models", "show", "cars", "--version", "2")
    assert missing.returncode == 1 and 'no registered model or transformation "cars" version 2' in missing.stderr
    wrong = designer("models", "register", job_id, "Score Model")
    assert wrong.returncode == 1 and "no model or transformation outputs" in wrong.stderr
    unknown = designer("inference", "create", "no-such-job", "--kind", "batch")
    assert unknown.returncode == 1 and "No job with id no-such-job" in unknown.stderr
