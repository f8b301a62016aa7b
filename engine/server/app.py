"""The FastAPI application of a workspace: the routes of the REST contract, its auth and error shape."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from engine.engine import Engine
from engine.online import OnlineEndpoints
from engine.publishing import PipelineEndpoints
from engine.server import online, pipelines, runs
from engine.server.auth import HostCheck, authorized
from engine.server.body_limit import BodyLimit
from engine.server.errors import install_error_handlers
from engine.server.live import LiveEndpoints
from engine.server.scoring_lane import ScoringLane, document
from engine.server.submit import Submitter
from engine.tokens import Tokens
from engine.workspace import Workspace

DEFAULT_MAX_BODY = 256 * 1024 * 1024
"""Largest request body accepted (bytes); a larger one is answered 413 before it is read."""

documents = APIRouter(tags=["Service"])


@documents.get("/openapi.json", include_in_schema=False)
def openapi(request: Request) -> dict[str, Any]:
    return request.app.openapi()


@documents.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    """Interactive docs with the OpenAPI document inlined (the page itself took the token)."""
    return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{request.app.title} API",
                               swagger_ui_parameters={"spec": request.app.openapi()})


def healthz() -> dict[str, str]:
    """Liveness, without a token."""
    return {"status": "ok"}


def create_app(workspace: Workspace, engine: Engine, host: str = "127.0.0.1", *,
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The application serving `workspace` (whose jobs `engine` runs); requests must name `host` (the bound
    address)."""
    app = FastAPI(title="Designer", summary="Pipeline endpoints, runs and online endpoints of a Designer workspace.",
                  openapi_url=None, docs_url=None, redoc_url=None)
    app.state.engine = engine
    app.state.tokens = Tokens(workspace.store)
    app.state.endpoints = PipelineEndpoints(workspace, engine.registry)
    app.state.submitter = Submitter(engine, app.state.endpoints)
    app.state.online = OnlineEndpoints(workspace, engine.registry)
    app.state.live = LiveEndpoints(app.state.online, workspace.datasets)  # started and closed with the server
    app.add_middleware(ScoringLane, state=app.state)  # the hot route, inside the two checks below
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(HostCheck, bound=host)  # outermost: a foreign Host is refused before anything else
    install_error_handlers(app)
    app.add_api_route("/healthz", healthz, methods=["GET"], tags=["Service"])
    app.include_router(online.scoring)  # the endpoint's own keys
    for router in (pipelines.router, runs.router, online.management, documents):
        app.include_router(router, dependencies=[Depends(authorized)])
    app.openapi = lambda: _with_scoring_routes(app)
    return app


def _with_scoring_routes(app: FastAPI) -> dict[str, Any]:
    schema = FastAPI.openapi(app)  # made once, then kept
    document(schema["paths"])
    return schema
