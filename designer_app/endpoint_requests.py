"""Calls the app makes to an online endpoint of the running built-in server, without Qt: an example request built
from the endpoint's input schema and its job's own rows, a scoring call timed and worded readably, and the
endpoints' live state (GET /endpoints)."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

import httpx

from engine.engine import Engine
from engine.online import Deployment
from nodes.components.web_service import web_service_input
from nodes.web_service import DATASET, NAME

TIMEOUT_S = 30.0
EXAMPLE_VALUES: dict[str, Any] = {"String": "", "Integer": 0, "Double": 0.0, "Boolean": False,
                                  "DateTime": "2024-01-01T00:00:00", "TimeSpan": "P0D"}
"""A value of each column type, for a column the job's rows cannot give."""


@dataclass(frozen=True)
class ExampleInput:
    """A Web Service Input's name and example rows (JSON-ready records)."""

    name: str
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class Reply:
    """A scoring call's outcome: HTTP status (None when no answer came), body as text, seconds taken, and what
    went wrong, in words, when it failed."""

    status: int | None
    body: str
    seconds: float
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and self.status < 400

    @property
    def status_text(self) -> str:
        """"200 OK", "400 Bad Request", or "No answer"."""
        if self.status is None:
            return "No answer"
        return f"{self.status} {httpx.codes.get_reason_phrase(self.status)}".strip()


def example_inputs(engine: Engine, deployment: Deployment, rows: int = 1) -> list[ExampleInput]:
    """For each Web Service Input of the deployment: its first `rows` rows in the deployed job (the data set on
    its input), as JSON values (missing values as null)."""
    examples = []
    for node in deployment.pipeline.nodes:
        if node.component != web_service_input.COMPONENT.id:
            continue
        table = engine.output(deployment.job_id, node.id, DATASET)
        records = json.loads(table.frame.head(rows).to_json(orient="records", date_format="iso"))
        examples.append(ExampleInput(str(node.params.get(NAME) or ""), records))
    return examples


def example_row(schema: list[dict[str, Any]] | None, sample: dict[str, Any] | None = None) -> dict[str, Any]:
    """One row with every column of `schema` (the server's `schema_dict`): the sample's value where it has
    one, else a value of the column's type."""
    sample = sample or {}
    return {c["name"]: sample[c["name"]] if c["name"] in sample else EXAMPLE_VALUES.get(c["type"])
            for c in schema or []}


def score_body(inputs: list[ExampleInput]) -> dict[str, Any]:
    """The Azure designer request: `{"Inputs": {input name: records}, "GlobalParameters": {}}`."""
    return {"Inputs": {example.name: example.rows for example in inputs}, "GlobalParameters": {}}


def send(scoring_uri: str, key: str, body: str) -> Reply:
    """POST `body` (JSON text) with the endpoint key; never raises: a refused or failed call says why."""
    started = time.perf_counter()
    try:
        response = httpx.post(scoring_uri, content=body.encode(), timeout=TIMEOUT_S, headers={
            "Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    except httpx.HTTPError as error:
        return Reply(None, "", time.perf_counter() - started, f"No answer from {scoring_uri}: {error}")
    seconds = time.perf_counter() - started
    return Reply(response.status_code, pretty(response.text), seconds,
                 "" if response.is_success else problem(response))


def pretty(text: str) -> str:
    """JSON text indented; any other text as it is."""
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return text


def problem(response: httpx.Response) -> str:
    """An error answer in words: the contract's `{"error": {"code", "message"}}`, else the status phrase."""
    try:
        error = response.json()["error"]
        return f"{error['code']}: {error['message']}"
    except (ValueError, KeyError, TypeError):
        return f"{response.status_code} {response.reason_phrase}"


def live_endpoints(base_url: str, token: str) -> dict[str, dict[str, Any]]:
    """GET /endpoints of the running server, by endpoint name (state, scoring URI, schemas, requests, latency)."""
    response = httpx.get(f"{base_url}/endpoints", headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT_S)
    response.raise_for_status()
    return {endpoint["name"]: endpoint for endpoint in response.json()}
