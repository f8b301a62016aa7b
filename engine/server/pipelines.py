"""Routes of the published pipelines: list them, show one, submit a run of a version."""
from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from engine.server.errors import ApiError
from engine.server.submit import SubmitRequest, Upload, parse_body

router = APIRouter(tags=["Pipeline endpoints"])
MULTIPART = "multipart/form-data"
REQUEST_PART = "request"

SUBMIT_BODY = {"requestBody": {"content": {
    "application/json": {"schema": SubmitRequest.model_json_schema(ref_template="#/components/schemas/{model}")},
    MULTIPART: {"schema": {"type": "object", "description": (
        f"A CSV or Parquet file part named after each Dataset parameter it feeds (registered as a new data set "
        f"version first), and optionally a `{REQUEST_PART}` part holding the JSON body."),
        "properties": {REQUEST_PART: {"type": "string"}}, "additionalProperties": {"type": "string",
                                                                                   "format": "binary"}}}}}}


@router.get("/pipelines")
def list_pipelines(request: Request) -> list[dict[str, Any]]:
    """Every pipeline endpoint with its versions (their parameters and defaults) and its default version."""
    return [endpoint.to_dict() for endpoint in request.app.state.endpoints.list()]


@router.get("/pipelines/{endpoint}")
def show_pipeline(endpoint: str, request: Request) -> dict[str, Any]:
    return request.app.state.endpoints.get(endpoint).to_dict()


@router.post("/pipelines/{endpoint}/submit", status_code=202, openapi_extra=SUBMIT_BODY)
async def submit_run(endpoint: str, request: Request,
                     version: Annotated[int | None, Query(description="Default: the endpoint's default")] = None
                     ) -> dict[str, Any]:
    """Run a published version with these parameter values and data set inputs; the run id is a job id."""
    submitter = request.app.state.submitter
    if request.headers.get("content-type", "").startswith(MULTIPART):
        async with request.form(max_fields=10) as form:
            text = form.get(REQUEST_PART)
            body = parse_body(_json(text) if isinstance(text, str) else None)
            uploads = {name: Upload(part.filename or "", part.file) for name, part in form.multi_items()
                       if name != REQUEST_PART and not isinstance(part, str)}
            return await run_in_threadpool(submitter.submit, endpoint, version, body, uploads)
    body = parse_body(_json(await request.body() or b"{}"))
    return await run_in_threadpool(submitter.submit, endpoint, version, body, {})


def _json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        where = f" at line {error.lineno}, column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
        raise ApiError(400, "MalformedBody", f"The body is not valid JSON{where}.") from None
