"""The server over real HTTP on 127.0.0.1: publish, submit, poll, download; auth; every refusal writes nothing."""
from __future__ import annotations

import io
import json
import time

import httpx
import pandas as pd
import pytest

from engine.server import Server
from engine.tokens import Tokens
from tests.server.conftest import ENDPOINT, SAMPLE_DATA

PARQUET = "application/vnd.apache.parquet"


def wait_for(client: httpx.Client, run_id: str, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = client.get(f"/runs/{run_id}").json()
        if run["Status"] in ("Completed", "Failed", "Canceled"):
            return run
        time.sleep(0.1)
    raise AssertionError(f"run {run_id} did not end")


def scored_url(run: dict) -> str:
    return next(o["Url"] for o in run["Outputs"] if o["Name"] == "Score Model" and o["Port"] == "Scored dataset")


def test_submit_the_default_and_an_older_version_then_download_the_scored_data(published, client, engine):
    listed = client.get("/pipelines").json()
    assert [(e["name"], e["default_version"], [v["version"] for v in e["versions"]]) for e in listed] == \
        [(ENDPOINT, 1, [0, 1])]
    shown = client.get(f"/pipelines/{ENDPOINT}").json()
    assert {p["name"]: p["default"] for p in shown["versions"][1]["parameters"]} == {
        "training-fraction": 0.5, "input": {"Name": SAMPLE_DATA, "Version": 1}}

    accepted = client.post(f"/pipelines/{ENDPOINT}/submit", json={"ExperimentName": "scoring"})
    assert accepted.status_code == 202
    body = accepted.json()
    assert (body["Status"], body["PipelineVersion"], body["RunHistoryExperimentName"]) == ("Queued", "1", "scoring")
    old = client.post(f"/pipelines/{ENDPOINT}/submit?version=0", json={}).json()
    assert old["PipelineVersion"] == "0"

    new_run, old_run = wait_for(client, body["Id"]), wait_for(client, old["Id"])
    assert new_run["Status"] == old_run["Status"] == "Completed"
    assert {s["Status"] for s in new_run["Steps"]} <= {"Completed", "Reused"}
    assert any(s["Metrics"] for s in new_run["Steps"])
    new_scores = pd.read_csv(io.BytesIO(client.get(scored_url(new_run)).content))
    old_scores = pd.read_csv(io.BytesIO(client.get(scored_url(old_run)).content))
    assert len(new_scores) == pytest.approx(0.5 * len(old_scores) / 0.3, abs=2)  # the other split fraction
    expected = engine.output(old["Id"], scored_url(old_run).split("/")[4], "Scored dataset").frame
    assert old_scores["Scored Labels"].tolist() == pytest.approx(expected["Scored Labels"].tolist())
    parquet = client.get(scored_url(old_run), headers={"Accept": PARQUET})
    assert parquet.headers["content-type"] == PARQUET
    assert pd.read_parquet(io.BytesIO(parquet.content))["Scored Labels"].tolist() == \
        pytest.approx(expected["Scored Labels"].tolist())


def test_data_set_inputs_by_reference_by_path_and_as_a_file(published, client, workspace):
    frame = workspace.datasets.load_dataset(SAMPLE_DATA).frame.head(120)
    (workspace.root / "data" / "scoring").mkdir(parents=True)
    frame.to_csv(workspace.root / "data" / "scoring" / "new.csv", index=False)
    by_path = client.post(f"/pipelines/{ENDPOINT}/submit", json={
        "DataPathAssignments": {"input": {"DataStoreName": "local", "RelativePath": "scoring/new.csv"}}}).json()
    registered = workspace.datasets.get(f"{ENDPOINT}: input")
    assert by_path["ParameterAssignments"]["input"] == {"Name": registered.name, "Version": 1}
    assert registered.row_count == 120
    by_id = client.post(f"/pipelines/{ENDPOINT}/submit", json={"DataSetDefinitionValueAssignments": {
        "input": {"SavedDataSetReference": {"Id": registered.id}}}}).json()
    by_name = client.post(f"/pipelines/{ENDPOINT}/submit", json={"DataSetDefinitionValueAssignments": {
        "input": {"DataSetReference": {"Name": SAMPLE_DATA, "Version": "1"}}}}).json()
    upload = client.post(f"/pipelines/{ENDPOINT}/submit", data={"request": json.dumps({"DisplayName": "upload"})},
                         files={"input": ("part.parquet", frame.head(90).to_parquet(), PARQUET)})
    assert upload.status_code == 202, upload.text
    assert upload.json()["ParameterAssignments"]["input"] == {"Name": registered.name, "Version": 2}
    assert workspace.datasets.get(registered.name, 2).row_count == 90
    runs = [wait_for(client, r["Id"]) for r in (by_path, by_id, by_name, upload.json())]
    assert [r["Status"] for r in runs] == ["Completed"] * 4
    assert runs[3]["DisplayName"] == "upload"
    rows = [len(pd.read_csv(io.BytesIO(client.get(scored_url(r)).content))) for r in runs]
    assert rows[0] == rows[1] < rows[2] and rows[3] < rows[0]  # 120 rows, 120 rows, the whole sample, 90 rows


def test_cancel_an_ended_run_is_a_conflict(published, client):
    run = wait_for(client, client.post(f"/pipelines/{ENDPOINT}/submit", json={}).json()["Id"])
    refused = client.post(f"/runs/{run['Id']}/cancel")
    assert refused.status_code == 409 and "already ended (Completed)" in refused.json()["error"]["message"]
    assert client.get("/runs/nope").status_code == 404
    assert client.get(f"/runs/{run['Id']}/outputs/Score Model/Nope").json()["error"]["code"] == "OutputNotFound"


def test_tokens_are_needed_everywhere_but_healthz(published, server, client, workspace, token):
    tokens = Tokens(workspace.store)
    revoked_id, revoked = tokens.create("old")
    tokens.revoke(revoked_id)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {revoked}"},
                    {"Authorization": f"Basic {token[1]}"}):
        for path in ("/pipelines", "/openapi.json", "/docs", "/runs/x"):
            answer = httpx.get(server.url + path, headers=headers)
            assert answer.status_code == 401, (path, headers)
            assert answer.headers["www-authenticate"] == "Bearer"
            assert answer.json()["error"]["code"] == "Unauthorized"
    assert httpx.get(server.url + "/healthz").json() == {"status": "ok"}
    document = client.get("/openapi.json").json()
    assert {"/pipelines/{endpoint}/submit", "/runs/{run_id}", "/healthz"} <= set(document["paths"])
    assert "swagger" in client.get("/docs").text.lower()


def _state(workspace) -> tuple:
    db = workspace.store.db
    uploads = workspace.root / "data" / "uploads"
    return (db["jobs"].count, db["datasets"].count, db["experiments"].count,
            sorted(p.name for p in uploads.iterdir()) if uploads.exists() else [])


@pytest.mark.parametrize("path, request_args, status, code, fragment", [
    ("/submit", {"content": b'{"ParameterAssignments": '}, 400, "MalformedBody", "not valid JSON"),
    ("/submit", {"json": {"ParameterAssignments": []}}, 400, "MalformedBody", "ParameterAssignments"),
    ("/submit", {"json": {"ParameterAssignments": {"fraction": 0.5}}}, 422, "InvalidParameter", '"fraction"'),
    ("/submit", {"json": {"ParameterAssignments": {"training-fraction": "lots"}}}, 422, "InvalidParameter",
     "'lots' is not a valid Float"),
    ("/submit", {"json": {"DataSetDefinitionValueAssignments": {"training-fraction": {
        "DataSetReference": {"Name": SAMPLE_DATA}}}}}, 422, "InvalidParameter", "not a data set input"),
    ("/submit", {"json": {"DataSetDefinitionValueAssignments": {"input": {
        "DataSetReference": {"Name": "Unknown data"}}}}}, 422, "InvalidParameter", '"Unknown data"'),
    ("/submit", {"json": {"DataSetDefinitionValueAssignments": {"input": {
        "SavedDataSetReference": {"Id": "no-such-id"}}}}}, 422, "InvalidParameter", "no-such-id"),
    ("/submit", {"json": {"DataPathAssignments": {"input": {"RelativePath": "../workspace.db"}}}}, 400,
     "PathOutsideDataFolder", "../workspace.db"),
    ("/submit", {"json": {"DataPathAssignments": {"input": {"RelativePath": "/etc/passwd"}}}}, 400,
     "PathOutsideDataFolder", "/etc/passwd"),
    ("/submit", {"json": {"DataPathAssignments": {"input": {"RelativePath": "missing.csv"}}}}, 422,
     "InvalidParameter", "missing.csv"),
    ("/submit", {"files": {"input": ("data.xlsx", b"x", "application/octet-stream")}}, 400, "UnsupportedFileType",
     "data.xlsx"),
    ("/submit", {"files": {"input": ("data.csv", b"a,b\n1,2,3,4\n", "text/csv")}}, 400, "InvalidData", "data.csv"),
    ("/submit", {"files": {"input": ("data.csv", b"a,b\n1,2\n", "text/csv")}}, 400, "InvalidInput", "\"Name\" not found"),
    ("/submit", {"files": {"input": ("data.csv", b"a,b\n1,2\n", "text/csv"), "training-fraction": (
        "f.csv", b"a\n1\n", "text/csv")}}, 422, "InvalidParameter", "not a data set input"),
    ("/submit?version=7", {"json": {}}, 404, "VersionNotFound", "no version 7"),
    ("/submit?version=first", {"json": {}}, 422, "ValidationError", "version"),
    ("/submit?version=0", {"json": {}}, 409, "VersionDisabled", "Version 0"),
])
def test_refusals_name_what_is_wrong_and_write_nothing(published, client, workspace, path, request_args, status,
                                                       code, fragment):
    published.disable(ENDPOINT, 0)
    before = _state(workspace)
    answer = client.post(f"/pipelines/{ENDPOINT}{path}", **request_args)
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["code"] == code and fragment in error["message"] + json.dumps(error["details"])
    assert _state(workspace) == before


def test_unknown_endpoint_wrong_host_and_too_large_bodies(workspace, engine, published, token):
    small = Server(workspace, engine, port=0, max_body=1000)
    small.start()
    try:
        with httpx.Client(base_url=small.url, headers={"Authorization": f"Bearer {token[1]}"}) as client:
            before = _state(workspace)
            assert client.post("/pipelines/nope/submit", json={}).json()["error"]["code"] == "EndpointNotFound"
            wrong_host = client.get("/pipelines", headers={"Host": "attacker.example:8765"})
            assert wrong_host.status_code == 400 and wrong_host.json()["error"]["code"] == "InvalidHost"
            assert client.get("/healthz", headers={"Host": "attacker.example"}).status_code == 400
            assert client.get("/pipelines", headers={"Host": f"localhost:{small.port}"}).status_code == 200
            big = {"ParameterAssignments": {"training-fraction": 0.5}, "Description": "x" * 2000}
            too_large = client.post(f"/pipelines/{ENDPOINT}/submit", json=big)
            assert too_large.status_code == 413 and too_large.json()["error"]["code"]
            streamed = client.post(f"/pipelines/{ENDPOINT}/submit", content=(b"x" * 500 for _ in range(4)),
                                   headers={"Content-Type": "application/json"})  # chunked: no Content-Length
            assert streamed.status_code == 413
            assert _state(workspace) == before
    finally:
        small.stop()
    assert not small.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(small.url + "/healthz")
