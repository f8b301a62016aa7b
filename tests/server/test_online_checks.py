"""Online endpoints over real HTTP on 127.0.0.1, beyond the formats: unknown categorical levels, the body cap and the
Host check on the scoring routes, 503 while an endpoint is loading, and a schemathesis run (no 5xx) against the
server's OpenAPI document and against an endpoint's own."""
from __future__ import annotations

import threading

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from engine.online import OnlineEndpoints
from engine.pipeline import Pipeline
from engine.server import Server
from tests.server.conftest import SAMPLES
from tests.server.test_online_endpoints import INPUT, healthy, realtime_job, records, scorer

UNKNOWN_LEVELS = "Allow unknown categorical levels"


def forbidding_unknown_levels(path) -> Pipeline:
    """The regression sample with its learner refusing categorical levels it was not trained on."""
    pipeline = Pipeline.load(path)
    nodes = [n.model_copy(update={"params": {**n.params, UNKNOWN_LEVELS: False}}) if n.component == "linear_regression"
             else n for n in pipeline.nodes]
    return pipeline.model_copy(update={"nodes": nodes})


def test_an_unknown_level_is_refused_where_the_model_forbids_it(workspace, engine, server, client):
    endpoints = OnlineEndpoints(workspace, engine.registry)
    strict_job, scored = realtime_job(engine, workspace,
                                      forbidding_unknown_levels(SAMPLES / "regression_automobile_fuel_economy.json"))
    lenient_job, _ = realtime_job(engine, workspace)
    _, strict_key = endpoints.deploy(strict_job, "strict")
    _, lenient_key = endpoints.deploy(lenient_job, "lenient")
    healthy(client, "strict")
    healthy(client, "lenient")
    rows = records(scored.head(3))
    rows[2]["Origin"] = "Mars"
    with scorer(server, strict_key) as api:
        for path, body in (("score", {"Inputs": {INPUT: rows}}), ("invocations", {"dataframe_records": rows})):
            answer = api.post(f"/endpoints/strict/{path}", json=body)
            assert answer.status_code == 400, answer.text
            error = answer.json()["error"]
            assert error["code"] == "InvalidInput" and "'Mars'" in error["message"] and "row 2" in error["message"]
            assert (error["details"][0]["column"], error["details"][0]["row"]) == ("Origin", 2)
        assert api.post("/endpoints/strict/score", json={"Inputs": {INPUT: rows[:2]}}).status_code == 200
    with scorer(server, lenient_key) as api:  # the sample's learner allows unknown levels
        assert api.post("/endpoints/lenient/score", json={"Inputs": {INPUT: rows}}).status_code == 200


@pytest.fixture
def fuel(workspace, engine):
    """Endpoint "fuel" deployed (not yet loaded by any server); its key and rows to score."""
    job_id, scored = realtime_job(engine, workspace)
    _, key = OnlineEndpoints(workspace, engine.registry).deploy(job_id, "fuel")
    return key, records(scored.head(3))


def test_the_body_cap_and_the_host_check_hold_on_the_scoring_routes(workspace, engine, fuel):
    key, rows = fuel
    small = Server(workspace, engine, port=0, max_body=2_000)
    small.start()
    try:
        with scorer(small, key) as api:
            assert api.post("/endpoints/fuel/score", json={"Inputs": {INPUT: rows}}).status_code in (200, 503)
            too_large = api.post("/endpoints/fuel/score", json={"Inputs": {INPUT: rows * 20}})
            assert too_large.status_code == 413 and too_large.json()["error"]["code"] == "ContentTooLarge"
            streamed = api.post("/endpoints/fuel/invocations", content=iter([b'{"instances": [', b" " * 3_000]))
            assert streamed.status_code == 413
            foreign = api.post("/endpoints/fuel/score", json={"Inputs": {INPUT: rows}},
                               headers={"Host": "attacker.example"})
            assert foreign.status_code == 400 and foreign.json()["error"]["code"] == "InvalidHost"
    finally:
        small.stop()


def test_an_endpoint_is_transitioning_while_it_loads(workspace, engine, fuel, token):
    key, rows = fuel
    loading = Server(workspace, engine, port=0)
    hold, held = threading.Event(), threading.Event()

    def wait_for_release(name: str) -> None:
        held.set()
        assert hold.wait(30)
    loading.app.state.live.before_prepare = wait_for_release
    loading.start()
    try:
        assert held.wait(30)
        with httpx.Client(base_url=loading.url, headers={"Authorization": f"Bearer {token[1]}"}) as admin:
            shown = admin.get("/endpoints/fuel").json()
            assert (shown["state"], shown["serving_version"], shown["scoring_path"]) == ("Transitioning", None, None)
            with scorer(loading, key) as api:
                answer = api.post("/endpoints/fuel/score", json={"Inputs": {INPUT: rows}})
                assert answer.status_code == 503 and answer.headers["Retry-After"] == "1"
                assert answer.json()["error"]["code"] == "Transitioning"
                hold.set()
                shown = healthy(admin, "fuel")
                assert shown["scoring_path"] == "compiled"  # select, clean with fitted values, linear model
                assert api.post("/endpoints/fuel/score", json={"Inputs": {INPUT: rows}}).status_code == 200
            counts = admin.get("/endpoints/fuel").json()["requests"]
            assert (counts["succeeded"], counts["server_errors"]) == (1, 1)  # the 503 counts as a server error
    finally:
        hold.set()
        loading.stop()


EXAMPLES = settings(max_examples=20, deadline=None, database=None, derandomize=True,
                    suppress_health_check=list(HealthCheck))


def no_server_error(document: dict, url: str, key: str) -> list[int]:
    """Calls generated from `document` (a bounded number); fails on the first 5xx. Returns the statuses."""
    calls = []

    @EXAMPLES
    @given(case=schemathesis.openapi.from_dict(document).as_strategy())
    def call(case) -> None:
        response = case.call(base_url=url, headers={"Authorization": f"Bearer {key}"})
        calls.append(response.status_code)
        assert response.status_code < 500, (case.method, case.formatted_path, response.status_code, response.text)
    call()
    return calls


def test_generated_requests_never_get_a_server_error(fuel, server, client, token):
    key, _ = fuel
    healthy(client, "fuel")
    assert len(no_server_error(client.get("/openapi.json").json(), server.url, token[1])) >= 20
    scored = no_server_error(client.get("/endpoints/fuel/swagger.json").json(), server.url, key)
    assert len(scored) >= 20 and 200 in scored, scored  # generated from the input schema: some rows score
    assert client.get("/endpoints/fuel").json()["requests"]["server_errors"] == 0
