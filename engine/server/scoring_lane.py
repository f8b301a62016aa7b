"""The hot route: `POST /endpoints/{name}/score` and `/invocations` answered by a pure ASGI middleware, inside the
Host check and the body cap, before routing, dependency injection and request models (every other request goes on
to the application).

Per request: one indexed read of the endpoint's serving version and key hashes, the key compared in constant time,
the body parsed with orjson into checked columns, scored, and written with orjson; the request and its latency
counted in memory. A small request the compiled form scores runs on the event loop; the general path and larger
bodies run on a worker thread."""
from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import State
from starlette.types import ASGIApp, Receive, Scope, Send

from engine.evaluate import EvaluationError
from engine.online import OnlineEndpointNotFound
from engine.parameters import ParameterAssignmentError
from engine.request_tables import RequestError
from engine.server.errors import ApiError, error_response
from engine.server.live import LiveEndpoints, Prepared
from engine.server.scoring_formats import (
    Inputs,
    Scored,
    azure_request,
    azure_response,
    compiled,
    mlflow_request,
    mlflow_response,
    score,
)

log = logging.getLogger(__name__)
ROUTE = re.compile(r"/endpoints/([^/]+)/(score|invocations)")
JSON = "application/json"
SMALL_BODY = 64 * 1024
"""Largest body scored on the event loop when the compiled form serves it."""
Parse = Callable[[Prepared, bytes], tuple[Inputs, dict]]
Write = Callable[[dict[str, Scored]], bytes]


class ScoringLane:
    """Answers the scoring routes of the endpoints in `state` (`online`, `live`); passes every other request on."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self.app, self.state = app, state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = ROUTE.fullmatch(scope["path"]) if scope["type"] == "http" and scope["method"] == "POST" else None
        if route is None:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        try:
            content = await self._answer(route[1], route[2], scope, headers, receive)
        except ApiError as error:
            await error_response(error.status_code, error.code, str(error.detail), error.details,
                                 error.headers)(scope, receive, send)
            return
        except Exception:  # noqa: BLE001 - answered in the contract's shape, logged with a trace id
            trace = uuid.uuid4().hex[:12]
            log.exception("server error (trace id %s) on POST %s", trace, scope["path"])
            await error_response(500, "InternalError", "An internal error occurred; the server log has trace id "
                                                       f"{trace}.")(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(content)).encode())]})
        await send({"type": "http.response.body", "body": content})

    async def _answer(self, name: str, route: str, scope: Scope, headers: dict[bytes, bytes],
                      receive: Receive) -> bytes:
        """Check the key; parse, score and write on the serving deployment; count the request and its latency."""
        try:
            credentials = self.state.online.credentials(name)
        except OnlineEndpointNotFound as error:
            self.state.live.forget(name)
            raise ApiError(404, "EndpointNotFound", str(error)) from None
        if not credentials.accepts(_bearer(headers)):
            raise ApiError(401, "Unauthorized", f'The bearer token is not a key of online endpoint "{name}".',
                           headers={"WWW-Authenticate": "Bearer"})
        live: LiveEndpoints = self.state.live
        started, status = time.perf_counter(), 500
        try:
            parse, write = _format(route, scope, headers)
            prepared = live.serving(name, credentials.version)
            body = await _body(receive)
            if compiled(prepared.deployment, {}) and len(body) <= SMALL_BODY:
                inputs, parameters = parse(prepared, body)
                if compiled(prepared.deployment, parameters):
                    content = write(score(prepared.deployment, inputs, parameters))
                else:
                    content = await run_in_threadpool(_answer, prepared, inputs, parameters, write)
            else:
                content = await run_in_threadpool(_parse_and_answer, prepared, body, parse, write)
            status = 200
            return content
        except ApiError as error:
            status = error.status_code
            raise
        except RequestError as error:
            status = 400
            raise ApiError(400, "InvalidInput", str(error), [error.to_dict()]) from None
        except EvaluationError as error:
            status = 400
            raise ApiError(400, "ScoringFailed", str(error), [{"node": error.node_name, "code": error.error.code}]) \
                from None
        except ParameterAssignmentError as error:
            status = 422
            raise ApiError(422, "InvalidParameter", str(error)) from None
        finally:
            live.stats(name).record(status, time.perf_counter() - started)


def _bearer(headers: dict[bytes, bytes]) -> str:
    scheme, _, key = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
    return key.strip() if scheme.lower() == "bearer" else ""


def _format(route: str, scope: Scope, headers: dict[bytes, bytes]) -> tuple[Parse, Write]:
    """How the body is read and the answer written: MLflow's format, the Azure designer's or its classic tables."""
    if route == "invocations":
        content_type = headers.get(b"content-type", JSON.encode()).decode("latin-1")
        return (lambda prepared, body: (mlflow_request(prepared.deployment, body, content_type, prepared.levels), {}),
                mlflow_response)
    format_ = parse_qs(scope["query_string"].decode("latin-1")).get("format", [None])[-1]
    if format_ not in (None, "classic"):
        raise ApiError(422, "ValidationError", f'query.format: "{format_}" is not a format; the one format is '
                                               '"classic" (ColumnNames/Values tables).')
    classic = format_ == "classic"
    return (lambda prepared, body: azure_request(prepared.deployment, body, classic, prepared.levels),
            lambda outputs: azure_response(outputs, classic))


async def _body(receive: Receive) -> bytes:
    chunks, more = [], True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ApiError(400, "ClientDisconnected", "The client went away before sending the whole body.")
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    return b"".join(chunks)


def _answer(prepared: Prepared, inputs: Inputs, parameters: dict, write: Write) -> bytes:
    return write(score(prepared.deployment, inputs, parameters))


def _parse_and_answer(prepared: Prepared, body: bytes, parse: Parse, write: Write) -> bytes:
    return _answer(prepared, *parse(prepared, body), write)


def document(paths: dict[str, Any]) -> None:
    """Add the scoring routes to an OpenAPI document's `paths` (each endpoint's own schemas are in its swagger.json)."""
    key = [{"EndpointKey": []}]
    name = {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}
    answer = {"200": {"description": "Scored rows", "content": {JSON: {"schema": {"type": "object"}}}}}
    body = {JSON: {"schema": {"type": "object"}}}
    paths.setdefault("/endpoints/{name}/score", {"post": {
        "tags": ["Online endpoints"], "summary": "Score rows in the Azure designer's format",
        "description": '`{"Inputs": {input: [records]}, "GlobalParameters": {}}`', "security": key,
        "parameters": [name, {"name": "format", "in": "query", "required": False, "description":
                              "classic: ColumnNames/Values tables", "schema": {"type": "string", "enum": ["classic"]}}],
        "requestBody": {"required": True, "content": body}, "responses": answer}})
    paths.setdefault("/endpoints/{name}/invocations", {"post": {
        "tags": ["Online endpoints"], "summary": "Score rows in MLflow's format",
        "description": "`dataframe_split`, `dataframe_records`, `instances`, `inputs`, or a CSV body", "security": key,
        "parameters": [name], "requestBody": {"required": True, "content": {
            **body, "text/csv": {"schema": {"type": "string"}}}}, "responses": answer}})
