"""Batch scoring of a large CSV (the fuel-economy rows repeated) through a published batch pipeline, submitted over
REST to the real server (upload, registration, the chunked run and the CSV download of the scores), against a
plain pandas script doing the same steps on the same file (read_csv, select, clean, predict, to_csv) and against
the Arrow floor (pyarrow CSV read, the same steps, pyarrow CSV write), in one run.

    python bench/bench_batch_scoring.py [ROWS]      (default 1,000,000)
"""
from __future__ import annotations

import http.client
import json
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from engine.engine import Engine
from engine.inference import create_inference_pipeline
from engine.publishing import PipelineEndpoints
from engine.samples import resources, sample_pipelines
from engine.server import Server
from engine.tokens import Tokens
from engine.workspace import Workspace
from nodes.columns import ColumnSelection
from nodes.table import Table

SAMPLE = "Regression: Automobile fuel economy (Basic)"


def big_csv(folder: Path, rows: int) -> Path:
    sample = pd.read_csv(resources() / "datasets" / "automobile_fuel_economy.csv")
    frame = pd.concat([sample] * (rows // len(sample) + 1), ignore_index=True).iloc[:rows]
    path = folder / "to-score.csv"
    frame.to_csv(path, index=False)
    return path


def request(url: str, token: str, method: str, path: str, body: bytes = b"", content_type: str = "") -> bytes:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=600)
    headers = {"Authorization": f"Bearer {token}", **({"Content-Type": content_type} if content_type else {})}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {data[:300]!r}")
    return data


def through_rest(url: str, token: str, parameter: str, csv: Path, out: Path) -> float:
    """Upload the CSV as the data set input, wait for the run, download its scores as CSV."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{parameter}\"; filename=\"{csv.name}\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + csv.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    started = time.perf_counter()
    run = json.loads(request(url, token, "POST", "/pipelines/fuel/submit", body,
                             f"multipart/form-data; boundary={boundary}"))
    while (state := json.loads(request(url, token, "GET", f"/runs/{run['Id']}")))["Status"] not in (
            "Completed", "Failed", "Canceled"):
        time.sleep(0.05)
    assert state["Status"] == "Completed", state
    scored = next(o["Url"] for o in state["Outputs"] if o["Port"] == "Scored dataset")
    out.write_bytes(request(url, token, "GET", scored))
    return time.perf_counter() - started


def steps(engine: Engine, job_id: str):
    """The fitted objects of the training job: the columns kept, the cleaner and the model."""
    job = engine.workspace.jobs.get(job_id)
    by_component = {s.component: s.node_id for s in job.steps}
    select = job.pipeline.node(by_component["select_columns"])
    return (select.params["Select Columns"], engine.output(job_id, by_component["clean_missing_data"],
                                                          "Cleaning transformation"),
            engine.output(job_id, by_component["train_model"], "Trained model"))


def score(frame: pd.DataFrame, selection, cleaner, model) -> pd.DataFrame:
    table = Table(frame)
    kept = table.with_frame(frame[ColumnSelection.parse(selection).resolve(table.schema)])
    cleaned = cleaner.apply(kept)
    return pd.concat([cleaned.frame, model.score(cleaned.frame)], axis=1)


def with_pandas(csv: Path, out: Path, fitted) -> float:
    started = time.perf_counter()
    score(pd.read_csv(csv), *fitted).to_csv(out, index=False)
    return time.perf_counter() - started


def with_arrow(csv: Path, out: Path, fitted) -> float:
    started = time.perf_counter()
    scored = score(pacsv.read_csv(csv).to_pandas(), *fitted)
    pacsv.write_csv(pa.Table.from_pandas(scored, preserve_index=False), out)
    return time.perf_counter() - started


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder, Workspace(Path(folder) / "ws") as workspace:
        engine = Engine(workspace)
        job = engine.submit(sample_pipelines()[SAMPLE]).wait()
        assert job.status == "Completed", job.error
        pipeline, _ = create_inference_pipeline(workspace, job.id, "batch")
        evaluators = {n.id for n in pipeline.nodes if n.component == "evaluate_model"}  # as the lab says: remove it
        pipeline = pipeline.model_copy(update={
            "nodes": [n for n in pipeline.nodes if n.id not in evaluators],
            "edges": [e for e in pipeline.edges if e.target not in evaluators]})
        PipelineEndpoints(workspace).publish(pipeline, "fuel")
        (parameter,) = [p.name for p in pipeline.parameters if p.kind == "Dataset"]
        _, token = Tokens(workspace.store).create("bench")
        server = Server(workspace, engine, port=0)
        url = server.start()
        csv = big_csv(Path(folder), rows)
        fitted = steps(engine, job.id)
        rest = through_rest(url, token, parameter, csv, Path(folder) / "rest.csv")
        plain = with_pandas(csv, Path(folder) / "pandas.csv", fitted)
        floor = with_arrow(csv, Path(folder) / "arrow.csv", fitted)
        assert len(pd.read_csv(Path(folder) / "rest.csv")) == len(pd.read_csv(Path(folder) / "arrow.csv"))
        server.stop()
        engine.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"batch scoring of {rows:,} rows (fuel economy rows repeated), one run")
    print(f"  published pipeline over REST (upload, run, CSV download): {rest:6.2f} s")
    print(f"  plain pandas script (read_csv, predict, to_csv)          : {plain:6.2f} s  (REST / pandas {rest / plain:.2f}x)")
    print(f"  Arrow floor (pyarrow CSV read, predict, CSV write)       : {floor:6.2f} s  (REST / Arrow {rest / floor:.2f}x;"
          " goal <= 1.25x)")
    print(f"  peak memory of this process (server, run and baselines)  : {peak:6.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
