"""Routes of runs (jobs): their status, steps and metrics, a step's table output as CSV or Parquet, cancel."""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from fastapi import APIRouter, Header, Request
from fastapi.responses import FileResponse, StreamingResponse

from engine.artifacts import ArtifactRef
from engine.job_store import FINAL, JobRecord, StepRecord
from engine.server.errors import ApiError

router = APIRouter(tags=["Runs"])
PARQUET = "application/vnd.apache.parquet"
PARQUET_TYPES = (PARQUET, "application/x-parquet", "application/parquet")
STATUS = {"NotStarted": "Queued"}  # the contract's names for the job statuses that differ


@router.get("/runs/{run_id}")
def get_run(run_id: str, request: Request) -> dict[str, Any]:
    """Status, times, each step's status and error, metrics, and the table outputs with their URLs."""
    return run_view(request.app.state.engine.workspace.jobs.get(run_id))


@router.post("/runs/{run_id}/cancel", status_code=202)
def cancel_run(run_id: str, request: Request) -> dict[str, Any]:
    engine = request.app.state.engine
    status = engine.workspace.jobs.get_status(run_id)
    if status in FINAL:
        raise ApiError(409, "RunEnded", f"Run {run_id} has already ended ({status}).")
    engine.cancel(run_id)
    return {"Id": run_id, "Status": "CancelRequested"}


@router.get("/runs/{run_id}/outputs/{node}/{port}", response_class=StreamingResponse,
            responses={200: {"content": {"text/csv": {}, PARQUET: {}}}})
def get_output(run_id: str, node: str, port: str, request: Request,
               accept: Annotated[str, Header()] = "text/csv"):
    """A step's table output (`node`: its UUID, or its name when unique): CSV, or Parquet when accepted."""
    workspace = request.app.state.engine.workspace
    job = workspace.jobs.get(run_id)
    step = _step(job, node)
    if port not in step.outputs:
        raise ApiError(404, "OutputNotFound", f'Step "{step.name}" of run {run_id} has no output "{port}" '
                                              f'(status {step.status}; outputs: {", ".join(step.outputs) or "none"}).')
    ref = ArtifactRef.from_dict(step.outputs[port])
    if ref.kind != "table":
        raise ApiError(400, "NotADataset", f'Output "{port}" of step "{step.name}" is not a data set.')
    if not workspace.artifacts.verify(ref):
        raise ApiError(410, "OutputGone", f'Output "{port}" of step "{step.name}" is missing or altered on disk.')
    path = workspace.artifacts.path(ref)
    if any(kind in accept for kind in PARQUET_TYPES):
        return FileResponse(path, media_type=PARQUET, filename=f"{port}.parquet")
    return StreamingResponse(csv_chunks(path), media_type="text/csv",
                             headers={"Content-Disposition": f"attachment; filename*=utf-8''{quote(port)}.csv"})


def csv_chunks(path: Path) -> Iterator[bytes]:
    """A Parquet file as CSV, a row group at a time (bounded memory for outputs of any size)."""
    parquet = pq.ParquetFile(path)
    sink = io.BytesIO()
    writer = pacsv.CSVWriter(sink, parquet.schema_arrow)
    for batch in parquet.iter_batches():
        writer.write_batch(batch)
        yield _drain(sink)
    writer.close()
    yield _drain(sink)


def _drain(sink: io.BytesIO) -> bytes:
    data = sink.getvalue()
    sink.seek(0)
    sink.truncate()
    return data


def _step(job: JobRecord, node: str) -> StepRecord:
    matches = [s for s in job.steps if node in (s.node_id, s.name)]
    if len(matches) != 1:
        steps = ", ".join(f"{s.name} ({s.node_id})" for s in job.steps)
        raise ApiError(404, "StepNotFound", f'"{node}" names {len(matches)} steps of run {job.id}; use a node UUID '
                                            f"({steps}).")
    return matches[0]


def run_view(job: JobRecord) -> dict[str, Any]:
    return {"Id": job.id, "Status": STATUS.get(job.status, job.status), "ExperimentName": job.experiment,
            "DisplayName": job.display_name, "Description": job.description, "CreatedDate": job.created,
            "StartTime": job.started, "EndTime": job.finished, "Duration": job.duration, "Error": job.error,
            "ParameterAssignments": job.parameters,
            "Steps": [{"NodeId": s.node_id, "Name": s.name, "Component": s.component,
                       "Status": STATUS.get(s.status, s.status), "StartTime": s.started, "EndTime": s.finished,
                       "Error": s.error, "Metrics": job.metrics.get(s.node_id, {})} for s in job.steps],
            "Outputs": [{"NodeId": s.node_id, "Name": s.name, "Port": port,
                         "Url": f"/runs/{job.id}/outputs/{s.node_id}/{quote(port)}"}
                        for s in job.steps for port, ref in s.outputs.items() if ref.get("kind") == "table"]}
