"""Routes of the online endpoints: an endpoint's OpenAPI document (its own key or a workspace token), and the
endpoints' state, scoring path and request statistics (workspace token). Scoring itself is the hot route of
`engine.server.scoring_lane`."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from engine.online import Credentials, OnlineEndpoint, OnlineEndpointNotFound
from engine.server.endpoint_openapi import swagger
from engine.server.errors import ApiError
from engine.server.live import LiveEndpoints
from engine.server.scoring_formats import scoring_path

scoring = APIRouter(tags=["Online endpoints"])
management = APIRouter(tags=["Online endpoints"])
endpoint_key = HTTPBearer(scheme_name="EndpointKey", bearerFormat="endpoint key",
                          description="The online endpoint's primary or secondary key (`designer endpoints keys`).")
Key = Annotated[HTTPAuthorizationCredentials, Depends(endpoint_key)]


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


@scoring.get("/endpoints/{name}/swagger.json")
def endpoint_swagger(name: str, request: Request, key: Key) -> dict[str, Any]:
    """The endpoint's OpenAPI document (with its key or a workspace token)."""
    credentials = _credentials(request, name)
    if not request.app.state.tokens.verify(key.credentials):
        _check_key(credentials, key.credentials, name)
    return swagger(name, credentials.version, request.app.state.live.serving(name, credentials.version).deployment)


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
            "scoring_path": scoring_path(prepared.deployment) if prepared else None,
            "scoring_uri": scoring_uri(request, endpoint.name),
            "swagger_uri": f"{str(request.base_url).rstrip('/')}/endpoints/{endpoint.name}/swagger.json",
            "inputs": [{"name": p.name, "schema": p.schema_dict()} for p in ports.inputs] if ports else None,
            "outputs": [{"name": p.name, "schema": p.schema_dict()} for p in ports.outputs] if ports else None,
            **live.stats(endpoint.name).to_dict()}
