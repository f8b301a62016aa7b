"""Who may call: the `Host` header must name the bound address (DNS rebinding), and a workspace token is needed."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from engine.server.errors import ApiError

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})

bearer = HTTPBearer(bearerFormat="workspace token", description="A workspace token (`designer token create`).")


def allowed_hosts(bound: str) -> frozenset[str] | None:
    """The host names a request may address: loopback names for a loopback address, any (None) for a wildcard."""
    bound = bound.lower().strip("[]")
    if bound in WILDCARD:
        return None
    return LOOPBACK if bound in LOOPBACK else frozenset({bound})


def host_checker(bound: str) -> Callable[[Request], None]:
    """A dependency refusing (400) a request whose `Host` header names another host than the bound address."""
    allowed = allowed_hosts(bound)

    def check_host(request: Request) -> None:
        header = request.headers.get("host", "")
        try:
            name = urlsplit(f"//{header}").hostname
        except ValueError:
            name = None
        if allowed is not None and name not in allowed:
            raise ApiError(400, "InvalidHost", f'The Host header "{header}" does not name this server ({bound}).')
    return check_host


def authorized(request: Request, credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer)]) -> None:
    """A dependency refusing (401) a request whose bearer token is not a workspace token, or is revoked."""
    if not request.app.state.tokens.verify(credentials.credentials):
        raise ApiError(401, "Unauthorized", "The bearer token is not a valid workspace token (unknown or revoked).",
                       headers={"WWW-Authenticate": "Bearer"})
