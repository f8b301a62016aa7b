"""`designer token`, `publish`, `pipelines` and `serve`, in subprocesses on a temporary workspace."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import httpx
import pytest

from engine.pipeline import Node, Pipeline
from tests.server.conftest import SAMPLES, with_dataset_input

REGRESSION = SAMPLES / "regression_automobile_fuel_economy.json"


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "DESIGNER_WORKSPACE": str(tmp_path / "ws")}


@pytest.fixture
def designer(env):
    def call(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "engine.cli", *args], capture_output=True, text=True, env=env,
                              timeout=180)
    return call


def test_tokens_are_shown_once_listed_and_revoked(designer):
    created = designer("token", "create", "--name", "ci", "--json")
    assert created.returncode == 0, created.stderr
    token = json.loads(created.stdout)
    listed = json.loads(designer("token", "list", "--json").stdout)
    assert [(t["id"], t["name"], t["revoked"]) for t in listed] == [(token["id"], "ci", None)]
    assert token["token"] not in designer("token", "list").stdout
    assert designer("token", "revoke", token["id"]).returncode == 0
    assert json.loads(designer("token", "list", "--json").stdout)[0]["revoked"]
    missing = designer("token", "revoke", "nope")
    assert missing.returncode == 1 and "No token with id nope" in missing.stderr


def test_publish_a_file_and_a_job_then_manage_the_versions(designer, tmp_path):
    path = tmp_path / "cars.json"
    path.write_text(with_dataset_input(Pipeline.load(REGRESSION)).to_json())
    first = designer("publish", str(path), "--endpoint", "cars", "--description", "first", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"endpoint": "cars", "version": 0, "default": True}
    job = json.loads(designer("run", str(REGRESSION), "--json").stdout)
    second = designer("publish", job["id"], "--endpoint", "cars", "--default", "--json")
    assert json.loads(second.stdout) == {"endpoint": "cars", "version": 1, "default": True}
    shown = json.loads(designer("pipelines", "show", "cars", "--json").stdout)
    assert [v["source"] for v in shown["versions"]] == [f"file {path.resolve()}", f"job {job['id']}"]
    assert designer("pipelines", "default", "cars", "0").returncode == 0
    assert designer("pipelines", "disable", "cars", "1").returncode == 0
    text = designer("pipelines", "show", "cars").stdout
    assert "v0" in text and "default" in text and "disabled" in text and "input (Dataset)" in text
    listed = designer("pipelines", "list").stdout
    assert "cars: 2 version(s), default 0" in listed
    refused = designer("pipelines", "default", "cars", "1")
    assert refused.returncode == 1 and "disabled" in refused.stderr
    unknown = designer("publish", "no-such-thing", "--endpoint", "cars")
    assert unknown.returncode == 2 and "not a pipeline file, a draft id or a job id" in unknown.stderr
    bad = tmp_path / "bad.json"
    bad.write_text(Pipeline(nodes=[Node(component="score_model")]).to_json())  # its inputs are not connected
    invalid = designer("publish", str(bad), "--endpoint", "cars")
    assert invalid.returncode == 2 and "not valid" in invalid.stderr
    assert len(json.loads(designer("pipelines", "show", "cars", "--json").stdout)["versions"]) == 2


def test_serve_answers_until_sigterm(env, designer):
    token = json.loads(designer("token", "create", "--json").stdout)["token"]
    process = subprocess.Popen([sys.executable, "-m", "engine.cli", "serve", "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stdout.readline()
        assert "Serving workspace" in line, process.stderr.read() if process.poll() is not None else line
        url = line.split(" on ")[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(url + "/healthz").json() == {"status": "ok"}
        assert httpx.get(url + "/pipelines", headers={"Authorization": f"Bearer {token}"}).json() == []
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
