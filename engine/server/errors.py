"""Every error as JSON, `{"error": {"code", "message", "details"}}`, with the status the REST contract lists."""
from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from engine.engine import InvalidPipeline
from engine.job_store import JobNotFound
from engine.parameters import ParameterAssignmentError
from engine.publishing import EndpointNotFound, PublishingError, VersionDisabled, VersionNotFound

log = logging.getLogger(__name__)


class ApiError(HTTPException):
    """An error answered as it is: status, code name, message, details."""

    def __init__(self, status: int, code: str, message: str, details: Iterable[Any] = (),
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status, detail=message, headers=headers)
        self.code, self.details = code, list(details)


def error_response(status: int, code: str, message: str, details: list | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "details": details or []}}, status, headers)


async def _http_error(request: Request, error: HTTPException) -> JSONResponse:
    code = getattr(error, "code", None) or HTTPStatus(error.status_code).phrase.title().replace(" ", "")
    return error_response(error.status_code, code, str(error.detail), getattr(error, "details", []), error.headers)


async def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    details = [{"location": ".".join(map(str, e["loc"])), "message": e["msg"]} for e in error.errors()]
    first = details[0] if details else {"location": "request", "message": "invalid"}
    return error_response(422, "ValidationError", f"{first['location']}: {first['message']}", details)


async def _unexpected(request: Request, error: Exception) -> JSONResponse:
    trace = uuid.uuid4().hex[:12]
    log.exception("server error (trace id %s) on %s %s", trace, request.method, request.url.path)
    return error_response(500, "InternalError", f"An internal error occurred; the server log has trace id {trace}.")


def _domain(status: int, code: str) -> Callable:
    async def handle(request: Request, error: Exception) -> JSONResponse:
        details = [p.to_dict() for p in error.problems] if isinstance(error, InvalidPipeline) else []
        return error_response(status, code, str(error), details)
    return handle


DOMAIN_ERRORS: dict[type[Exception], tuple[int, str]] = {
    EndpointNotFound: (404, "EndpointNotFound"),
    VersionNotFound: (404, "VersionNotFound"),
    VersionDisabled: (409, "VersionDisabled"),
    PublishingError: (409, "Conflict"),
    JobNotFound: (404, "RunNotFound"),
    ParameterAssignmentError: (422, "InvalidParameter"),
    InvalidPipeline: (400, "InvalidInput"),
}
"""Engine errors and how they are answered (the most specific class wins)."""


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
    for error, (status, code) in DOMAIN_ERRORS.items():
        app.add_exception_handler(error, _domain(status, code))
