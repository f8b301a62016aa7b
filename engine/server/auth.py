"""Who may call: the `Host` header must name the bound address (DNS rebinding), and a workspace token is needed."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Receive, Scope, Send

from engine.server.errors import ApiError, error_response

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})

bearer = HTTPBearer(bearerFormat="workspace token", description="A workspace token (`designer token create`).")


def allowed_hosts(bound: str) -> frozenset[str] | None:
    """The host names a request may address: loopback names for a loopback address, any (None) for a wildcard."""
    bound = bound.lower().strip("[]")
    if bound in WILDCARD:
        return None
    return LOOPBACK if bound in LOOPBACK else frozenset({bound})


class HostCheck:
    """Pure ASGI middleware refusing (400) a request whose `Host` header names another host than the bound
    address."""

    def __init__(self, app: ASGIApp, bound: str) -> None:
        self.app, self.bound, self.allowed = app, bound, allowed_hosts(bound)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.allowed is not None:
            header = next((v for k, v in scope["headers"] if k == b"host"), b"").decode("latin-1")
            if _host_name(header) not in self.allowed:
                await error_response(400, "InvalidHost", f'The Host header "{header}" does not name this server '
                                                         f"({self.bound}).")(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _host_name(header: str) -> str | None:
    try:
        return urlsplit(f"//{header}").hostname
    except ValueError:
        return None


def authorized(request: Request, credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> None:
    """A dependency refusing (401) a request whose bearer token is not a workspace token, or is revoked."""
    if not request.app.state.tokens.verify(credentials.credentials):
        raise ApiError(401, "Unauthorized", "The bearer token is not a valid workspace token (unknown or revoked).",
                       headers={"WWW-Authenticate": "Bearer"})
