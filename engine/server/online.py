"""Routes of the online endpoints: scoring (Azure designer and MLflow formats, the endpoint's own keys), its
OpenAPI document, and the endpoints' state and request statistics (workspace token)."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from engine.evaluate import EvaluationError
from engine.online import Credentials, OnlineEndpoint, OnlineEndpointNotFound
from engine.parameters import ParameterAssignmentError
from engine.request_tables import RequestError
from engine.server.endpoint_openapi import swagger
from engine.server.errors import ApiError
from engine.server.live import LiveEndpoints
from engine.server.scoring_formats import azure_request, azure_response, mlflow_request, mlflow_response
from engine.serving import PreparedDeployment

scoring = APIRouter(tags=["Online endpoints"])
management = APIRouter(tags=["Online endpoints"])
endpoint_key = HTTPBearer(scheme_name="EndpointKey", bearerFormat="endpoint key",
                          description="The online endpoint's primary or secondary key (`designer endpoints keys`).")
Key = Annotated[HTTPAuthorizationCredentials, Depends(endpoint_key)]
JSON = "application/json"


def scoring_uri(request: Request, name: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/endpoints/{name}/score"


def _credentials(request: Request, name: str) -> Credentials:
    try:
        return request.app.state.online.credentials(name)
    except OnlineEndpointNotFound as error:
        request.app.state.live.forget(name)
        raise ApiError(404, "EndpointNotFound", str(error)) from None


def _check_key(credentials: Credentials, key: str, name: str) -> None:
    if not credentials.accepts(key):
        raise ApiError(401, "Unauthorized", f'The bearer token is not a key of online endpoint "{name}".',
                       headers={"WWW-Authenticate": "Bearer"})


def _serve(request: Request, name: str, key: str, answer: Callable[[PreparedDeployment], bytes]) -> Response:
    """Check the key, run `answer` on the serving deployment, count the request and its latency."""
    credentials = _credentials(request, name)
    _check_key(credentials, key, name)
    live: LiveEndpoints = request.app.state.live
    started, status = time.perf_counter(), 500
    try:
        content = answer(live.serving(name, credentials.version))
        status = 200
        return Response(content, media_type=JSON)
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


@scoring.post("/endpoints/{name}/score", responses={200: {"content": {JSON: {}}}})
async def score(name: str, request: Request, key: Key,
                format: Annotated[Literal["classic"] | None, Query(  # noqa: A002 - the contract's name
                    description="classic: ColumnNames/Values tables")] = None) -> Response:
    """Score rows in the Azure designer's format: `{"Inputs": {input: [records]}, "GlobalParameters": {}}`."""
    body, classic = await request.body(), format == "classic"

    def answer(deployment: PreparedDeployment) -> bytes:
        tables, parameters = azure_request(deployment, body, classic)
        return azure_response(deployment.score(tables, parameters), classic)
    return await run_in_threadpool(_serve, request, name, key.credentials, answer)


@scoring.post("/endpoints/{name}/invocations", responses={200: {"content": {JSON: {}}}})
async def invocations(name: str, request: Request, key: Key) -> Response:
    """Score rows in MLflow's format (`dataframe_split`, `dataframe_records`, `instances`, `inputs`, or CSV)."""
    body, content_type = await request.body(), request.headers.get("content-type", JSON)

    def answer(deployment: PreparedDeployment) -> bytes:
        table = mlflow_request(deployment, body, content_type)
        return mlflow_response(deployment, deployment.score({deployment.inputs[0].name: table}))
    return await run_in_threadpool(_serve, request, name, key.credentials, answer)


@scoring.get("/endpoints/{name}/swagger.json")
def endpoint_swagger(name: str, request: Request, key: Key) -> dict[str, Any]:
    """The endpoint's OpenAPI document (with its key or a workspace token)."""
    credentials = _credentials(request, name)
    if not request.app.state.tokens.verify(key.credentials):
        _check_key(credentials, key.credentials, name)
    deployment = request.app.state.live.serving(name, credentials.version)
    return swagger(name, credentials.version, deployment)


@management.get("/endpoints")
def list_endpoints(request: Request) -> list[dict[str, Any]]:
    """Every online endpoint: state, version, scoring URI, input schema, request counts and latencies."""
    return [endpoint_view(request, e) for e in request.app.state.online.list()]


@management.get("/endpoints/{name}")
def show_endpoint(name: str, request: Request) -> dict[str, Any]:
    try:
        endpoint = request.app.state.online.get(name)
    except OnlineEndpointNotFound as error:
        raise ApiError(404, "EndpointNotFound", str(error)) from None
    return endpoint_view(request, endpoint)


def endpoint_view(request: Request, endpoint: OnlineEndpoint) -> dict[str, Any]:
    live: LiveEndpoints = request.app.state.live
    version = endpoint.deployment.version
    prepared = live.refresh(endpoint.name, version)
    state, why = live.state(endpoint.name, version)
    ports = prepared.deployment if prepared is not None else None
    return {**endpoint.to_dict(), "state": state, "error": why or None,
            "serving_version": prepared.version if prepared else None,
            "scoring_uri": scoring_uri(request, endpoint.name),
            "swagger_uri": f"{str(request.base_url).rstrip('/')}/endpoints/{endpoint.name}/swagger.json",
            "inputs": [{"name": p.name, "schema": p.schema_dict()} for p in ports.inputs] if ports else None,
            "outputs": [{"name": p.name, "schema": p.schema_dict()} for p in ports.outputs] if ports else None,
            **live.stats(endpoint.name).to_dict()}
