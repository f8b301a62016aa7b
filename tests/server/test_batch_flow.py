"""The issue's whole flow over HTTP: a training job, its batch inference pipeline published as version 0, a newer
one as version 1 made default, a REST submit with a newly uploaded data set, and `?version=0` scoring as before."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from engine.inference import create_inference_pipeline
from engine.pipeline import Pipeline
from tests.server.conftest import SAMPLE_DATA, SAMPLES
from tests.server.test_http import scored_url, wait_for


def scores(client, run_id: str) -> list[float]:
    run = wait_for(client, run_id)
    assert run["Status"] == "Completed", run
    return pd.read_csv(io.BytesIO(client.get(scored_url(run)).content))["Scored Labels"].tolist()


def test_training_job_to_published_batch_pipeline_scored_over_rest(workspace, engine, endpoints, client):
    training = Pipeline.load(SAMPLES / "regression_automobile_fuel_economy.json")
    first_job = engine.submit(training).wait()
    second_job = engine.submit(training, parameters={"training-fraction": 0.4}).wait()
    assert first_job.status == second_job.status == "Completed"
    first, _ = create_inference_pipeline(workspace, first_job.id, "batch")
    assert endpoints.publish(first, "fuel").version == 0
    (parameter,) = [p.name for p in first.parameters if p.kind == "Dataset"]

    frame = workspace.datasets.load_dataset(SAMPLE_DATA).frame.sample(60, random_state=1)
    upload = client.post("/pipelines/fuel/submit", files={parameter: ("new.csv", frame.to_csv(index=False), "text/csv")})
    assert upload.status_code == 202, upload.text
    data = upload.json()["ParameterAssignments"][parameter]
    before = scores(client, upload.json()["Id"])
    assert len(before) == len(frame.dropna())

    second, _ = create_inference_pipeline(workspace, second_job.id, "batch")
    assert endpoints.publish(second, "fuel", make_default=True).version == 1
    reference = {"DataSetDefinitionValueAssignments": {parameter: {"DataSetReference": data}}}
    newer = client.post("/pipelines/fuel/submit", json=reference).json()
    older = client.post("/pipelines/fuel/submit?version=0", json=reference).json()
    assert (newer["PipelineVersion"], older["PipelineVersion"]) == ("1", "0")
    assert scores(client, older["Id"]) == pytest.approx(before)
    assert scores(client, newer["Id"]) != pytest.approx(before)
