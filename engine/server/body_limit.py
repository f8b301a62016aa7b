"""The request body cap: 413 in the contract's JSON shape, at once when `Content-Length` says too much, or as soon
as a streamed (chunked) body passes the cap. (Starlette's own limiter answers a declared-too-large body in plain
text, whatever the app's error handlers say.)"""
from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.server.errors import ApiError, error_response

CODE = "ContentTooLarge"


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    def _error(self) -> ApiError:
        return ApiError(413, CODE, f"The request body is larger than {self.max_bytes} bytes.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await error_response(413, CODE, self._error().detail)(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise self._error()  # inside the route: answered by the error handlers
            return message
        await self.app(scope, limited, send)
