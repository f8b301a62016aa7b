"""Online endpoints over real HTTP on 127.0.0.1: the regression sample's real-time pipeline deployed and called in
every format (predictions equal the training job's Score Model), keys, refusals, redeploy under load, restart."""
from __future__ import annotations

import json
import threading
import time

import httpx
import pandas as pd
import pytest

from engine.cli import main
from engine.inference import create_inference_pipeline
from engine.online import OnlineEndpoints
from engine.pipeline import Pipeline
from engine.server import Server
from tests.server.conftest import SAMPLES

INPUT, OUTPUT, SCORED = "WebServiceInput0", "WebServiceOutput0", "Scored Labels"
ROWS = 25


def realtime_job(engine, workspace, pipeline: Pipeline | None = None, **parameters) -> tuple[str, pd.DataFrame]:
    """A real-time inference job made from a training job of `pipeline` (the regression sample by default), and the
    training job's Score Model rows (with the Name column the data set has and Select Columns drops)."""
    pipeline = pipeline or Pipeline.load(SAMPLES / "regression_automobile_fuel_economy.json")
    training = engine.submit(pipeline, parameters=parameters).wait()
    assert training.status == "Completed"
    pipeline, _ = create_inference_pipeline(workspace, training.id, "realtime")
    job = engine.submit(pipeline).wait()
    assert job.status == "Completed" and job.pipeline.kind == "realtime"
    score_node = next(s.node_id for s in training.steps if s.name == "Score Model")
    scored = engine.output(training.id, score_node, "Scored dataset").frame.head(ROWS)
    return job.id, scored.assign(Name="a car")


@pytest.fixture
def deployed(workspace, engine):
    """Endpoint "fuel" deployed; its primary key, the job, and the expected rows and scores."""
    job_id, scored = realtime_job(engine, workspace)
    endpoint, key = OnlineEndpoints(workspace, engine.registry).deploy(job_id, "fuel")
    assert endpoint.deployment.version == 1 and key
    return key, job_id, scored


def features(scored: pd.DataFrame) -> pd.DataFrame:
    return scored.drop(columns=[SCORED])


def records(scored: pd.DataFrame) -> list[dict]:
    return json.loads(features(scored).to_json(orient="records"))


def healthy(client: httpx.Client, name: str, version: int = 1, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = client.get(f"/endpoints/{name}").json()
        if shown["state"] == "Healthy" and shown["serving_version"] == version:
            return shown
        time.sleep(0.05)
    raise AssertionError(f"{name} is not Healthy at version {version}: {shown}")


def eventually(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def scorer(server: Server, key: str) -> httpx.Client:
    return httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)


def test_every_format_scores_as_the_training_job(deployed, server, client):
    key, _, scored = deployed
    shown = healthy(client, "fuel")
    assert shown["scoring_uri"] == f"{server.url}/endpoints/fuel/score"
    assert [c["name"] for c in shown["inputs"][0]["schema"]][:2] == ["Name", "Miles_per_Gallon"]
    expected = pytest.approx(scored[SCORED].tolist(), rel=1e-9)
    rows = records(scored)
    split = json.loads(features(scored).to_json(orient="split", index=False))
    schema_order = [c["name"] for c in shown["inputs"][0]["schema"]]
    with scorer(server, key) as api:
        azure = api.post("/endpoints/fuel/score", json={"Inputs": {INPUT: rows}, "GlobalParameters": {}})
        assert azure.status_code == 200, azure.text
        results = azure.json()["Results"][OUTPUT]
        assert [r[SCORED] for r in results] == expected
        assert results[0]["Cylinders"] == rows[0]["Cylinders"] and "Name" not in results[0]
        classic = api.post("/endpoints/fuel/score?format=classic", json={"Inputs": {INPUT: {
            "ColumnNames": split["columns"], "Values": split["data"]}}}).json()["Results"][OUTPUT]
        assert [row[classic["ColumnNames"].index(SCORED)] for row in classic["Values"]] == expected
        bodies = [{"dataframe_split": split}, {"dataframe_records": rows}, {"instances": rows},
                  {"inputs": {c: features(scored)[c].tolist() for c in split["columns"]}},
                  {"instances": features(scored)[schema_order].values.tolist()}]
        for body in bodies:
            answer = api.post("/endpoints/fuel/invocations", json=body)
            assert answer.status_code == 200, (list(body), answer.text)
            assert answer.json()["predictions"] == expected, list(body)
        csv = api.post("/endpoints/fuel/invocations", content=features(scored).to_csv(index=False),
                       headers={"Content-Type": "text/csv"})
        assert csv.json()["predictions"] == expected
        document = api.get("/endpoints/fuel/swagger.json").json()
    request_schema = document["paths"]["/endpoints/fuel/score"]["post"]["requestBody"]["content"]
    row_schema = request_schema["application/json"]["schema"]["properties"]["Inputs"]["properties"][INPUT]["items"]
    assert row_schema["properties"]["Horsepower"]["type"] == "number" and "Origin" in row_schema["required"]
    assert client.get("/endpoints/fuel/swagger.json").status_code == 200  # a workspace token may read it too
    shown = client.get("/endpoints/fuel").json()
    assert shown["requests"] == {"total": 8, "succeeded": 8, "client_errors": 0, "server_errors": 0}
    assert 0 < shown["latency_ms"]["p50"] <= shown["latency_ms"]["p95"] <= shown["latency_ms"]["p99"]
    assert [e["name"] for e in client.get("/endpoints").json()] == ["fuel"]


def test_a_key_opens_only_its_own_endpoint(deployed, workspace, engine, server, client, token):
    key, job_id, scored = deployed
    endpoints = OnlineEndpoints(workspace, engine.registry)
    _, other_key = endpoints.deploy(job_id, "other")
    healthy(client, "fuel")
    healthy(client, "other")
    new_key = endpoints.regenerate("fuel", "primary")
    secondary = endpoints.regenerate("fuel", "secondary")
    body = {"Inputs": {INPUT: records(scored.head(2))}}
    refused = [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {other_key}"},
               {"Authorization": f"Bearer {key}"}, {"Authorization": f"Bearer {token[1]}"},
               {"Authorization": f"Basic {new_key}"}]
    for headers in refused:
        for path in ("/endpoints/fuel/score", "/endpoints/fuel/invocations"):
            answer = httpx.post(server.url + path, json=body, headers=headers)
            assert answer.status_code == 401, (path, headers)
            assert answer.json()["error"]["code"] == "Unauthorized"
        assert httpx.get(server.url + "/endpoints/fuel/swagger.json", headers=headers).status_code == (
            200 if token[1] in headers.get("Authorization", "").split() else 401)
    for good in (new_key, secondary):
        assert httpx.post(server.url + "/endpoints/fuel/score", json=body,
                          headers={"Authorization": f"Bearer {good}"}).status_code == 200
    for path in ("/endpoints", "/endpoints/fuel"):  # management takes the workspace token only
        assert httpx.get(server.url + path, headers={"Authorization": f"Bearer {new_key}"}).status_code == 401
    assert httpx.post(server.url + "/endpoints/nope/score", json=body,
                      headers={"Authorization": f"Bearer {new_key}"}).status_code == 404


@pytest.mark.parametrize("path, change, column, row, code", [
    ("score", lambda rows: [rows[0], {k: v for k, v in rows[1].items() if k != "Horsepower"}], "Horsepower", 1,
     "InvalidInput"),
    ("score", lambda rows: [rows[0], rows[1], {**rows[2], "Cylinders": "eight"}], "Cylinders", 2, "InvalidInput"),
    ("score", lambda rows: [rows[0], {**rows[1], "Weight_in_lbs": 3500.5}], "Weight_in_lbs", 1, "InvalidInput"),
    ("invocations", lambda rows: [rows[0], {**rows[1], "Horsepower": "fast"}], "Horsepower", 1, "InvalidInput"),
    ("invocations", lambda rows: [{k: v for k, v in rows[0].items() if k != "Year"}], "Year", 0, "InvalidInput"),
])
def test_missing_columns_and_wrong_types_name_column_and_row(deployed, server, client, path, change, column, row,
                                                             code):
    key, _, scored = deployed
    healthy(client, "fuel")
    rows = change(records(scored.head(3)))
    body = {"Inputs": {INPUT: rows}} if path == "score" else {"dataframe_records": rows}
    with scorer(server, key) as api:
        answer = api.post(f"/endpoints/fuel/{path}", json=body)
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["code"] == code
    assert f'row {row}' in error["message"] and f'"{column}"' in error["message"]
    assert (error["details"][0]["column"], error["details"][0]["row"]) == (column, row)


@pytest.mark.parametrize("path, request_args, status, code, fragment", [
    ("score", {"content": b'{"Inputs": '}, 400, "MalformedBody", "not valid JSON"),
    ("score", {"json": {"Inputs": []}}, 400, "InvalidInput", '"Inputs"'),
    ("score", {"json": {"Inputs": {"Other": []}}}, 400, "InvalidInput", '"Other" is not an input'),
    ("score", {"json": {"Inputs": {INPUT: [1, 2]}}}, 400, "InvalidInput", "row 0"),
    ("score", {"json": {"Inputs": {INPUT: []}, "GlobalParameters": {"nope": 1}}}, 422, "InvalidParameter", '"nope"'),
    ("score?format=classic", {"json": {"Inputs": {INPUT: {"ColumnNames": ["a"], "Values": [[1, 2]]}}}}, 400,
     "InvalidInput", "row 0"),
    ("invocations", {"json": {"rows": []}}, 400, "InvalidInput", "dataframe_split"),
    ("invocations", {"content": b"a,b\n1,2\n", "headers": {"Content-Type": "text/csv"}}, 400, "InvalidInput",
     '"Name" is missing'),
])
def test_malformed_bodies_are_refused_in_the_error_shape(deployed, server, client, path, request_args, status,
                                                         code, fragment):
    key, _, _ = deployed
    healthy(client, "fuel")
    with scorer(server, key) as api:
        answer = api.post(f"/endpoints/fuel/{path}", **request_args)
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["code"] == code and fragment in error["message"], error


def test_redeploy_under_load_swaps_with_no_failed_or_mixed_request(deployed, workspace, engine, server, client):
    key, _, scored = deployed
    healthy(client, "fuel")
    new_job, _ = realtime_job(engine, workspace, **{"training-fraction": 0.4})
    body = {"dataframe_records": records(scored)}
    with scorer(server, key) as api:
        old = api.post("/endpoints/fuel/invocations", json=body).json()["predictions"]
    answers: list[tuple[int, list | str]] = []
    stop = threading.Event()

    def send() -> None:
        with scorer(server, key) as api:
            for _ in range(2_000):  # bounded
                answer = api.post("/endpoints/fuel/invocations", json=body)
                answers.append((answer.status_code, answer.json().get("predictions", answer.text)))
                if stop.is_set():
                    return
    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    eventually(lambda: len(answers) >= 8)  # requests in flight on the old version
    OnlineEndpoints(workspace, engine.registry).deploy(new_job, "fuel")
    healthy(client, "fuel", version=2)
    swapped = len(answers)
    eventually(lambda: len(answers) >= swapped + 8)  # and on the new one
    stop.set()
    for thread in threads:
        thread.join(60)
    with scorer(server, key) as api:
        new = api.post("/endpoints/fuel/invocations", json=body).json()["predictions"]
    assert new != pytest.approx(old)
    assert [status for status, _ in answers] == [200] * len(answers)
    assert all(predictions in (old, new) for _, predictions in answers)  # each wholly on one version
    assert any(p == old for _, p in answers) and any(p == new for _, p in answers)


def test_a_restarted_server_reloads_the_deployment(deployed, workspace, engine, server, client, token):
    key, _, scored = deployed
    healthy(client, "fuel")
    body = {"Inputs": {INPUT: records(scored)}}
    with scorer(server, key) as api:
        before = api.post("/endpoints/fuel/score", json=body).json()
    server.stop()
    again = Server(workspace, engine, port=0)
    again.start()
    try:
        with httpx.Client(base_url=again.url, headers={"Authorization": f"Bearer {token[1]}"}) as admin:
            assert admin.get("/endpoints/fuel").json()["state"] in ("Transitioning", "Healthy")
            healthy(admin, "fuel")
        with scorer(again, key) as api:
            assert api.post("/endpoints/fuel/score", json=body).json() == before
    finally:
        again.stop()


def test_deploy_and_endpoints_commands(workspace, engine, capsys):
    job_id, _ = realtime_job(engine, workspace)
    root = str(workspace.root)
    assert main(["--workspace", root, "deploy", job_id, "--name", "cli-fuel", "--json"]) == 0
    deployed = json.loads(capsys.readouterr().out)
    assert deployed["scoring_uri"].endswith("/endpoints/cli-fuel/score") and deployed["primary_key"]
    assert main(["--workspace", root, "deploy", job_id, "--name", "cli-fuel", "--json"]) == 0
    redeployed = json.loads(capsys.readouterr().out)
    assert (redeployed["version"], redeployed["primary_key"]) == (2, None)  # the keys stay; not shown again
    assert main(["--workspace", root, "endpoints", "list", "--json"]) == 0
    assert [(e["name"], e["version"]) for e in json.loads(capsys.readouterr().out)] == [("cli-fuel", 2)]
    assert main(["--workspace", root, "endpoints", "keys", "cli-fuel", "--regenerate", "secondary", "--json"]) == 0
    secondary = json.loads(capsys.readouterr().out)["secondary_key"]
    endpoints = OnlineEndpoints(workspace, engine.registry)
    assert endpoints.credentials("cli-fuel").accepts(secondary)
    assert endpoints.credentials("cli-fuel").accepts(deployed["primary_key"])
    assert main(["--workspace", root, "endpoints", "show", "cli-fuel"]) == 0
    assert "version 2" in capsys.readouterr().out
    training = next(j for j in workspace.jobs.list() if j.pipeline.kind == "training")
    assert main(["--workspace", root, "deploy", training.id, "--name", "cli-other"]) == 2
    assert "real-time inference" in capsys.readouterr().err
    assert main(["--workspace", root, "deploy", job_id, "--name", "no such name!"]) == 2
    assert main(["--workspace", root, "endpoints", "delete", "cli-fuel"]) == 0
    assert main(["--workspace", root, "endpoints", "show", "cli-fuel"]) == 1
    assert 'No online endpoint "cli-fuel"' in capsys.readouterr().err
