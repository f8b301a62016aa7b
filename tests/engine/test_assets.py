"""Registered models and transformations: registering a step's output, versions, the catalog, and garbage
collection that never takes them."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from engine.assets import AssetError
from engine.gc import collect_garbage
from engine.pipeline import Pipeline
from nodes.errors import ComponentError
from nodes.models import TrainedModel
from tests.engine.test_gc import age

REGRESSION = Path(__file__).resolve().parents[2] / "resources" / "samples" / "regression_automobile_fuel_economy.json"


@pytest.fixture
def job(engine):
    job = engine.submit(Pipeline.load(REGRESSION)).wait(120)
    assert job.status == "Completed", job.error
    return job


def step_id(job, name: str) -> str:
    return next(s.node_id for s in job.steps if s.name == name)


def test_a_step_output_registers_as_versions_of_a_name(workspace, engine, job):
    first = workspace.assets.register(job.id, "Train Model", name="cars", description="fuel economy")
    assert (first.kind, first.name, first.version, first.port) == ("model", "cars", 1, "Trained model")
    assert first.node_id == step_id(job, "Train Model") and first.job_id == job.id
    assert workspace.assets.register(job.id, first.node_id, name="cars").version == 1  # same artifact
    retrained = engine.submit(Pipeline.load(REGRESSION), parameters={"training-fraction": 0.5}).wait(120)
    second = workspace.assets.register(retrained.id, "Train Model", name="cars")
    assert second.version == 2 and second.artifact != first.artifact
    assert workspace.assets.get("cars").version == 2 and workspace.assets.get("cars", 1).artifact == first.artifact
    cleaning = workspace.assets.register(job.id, "Clean Missing Data")
    assert (cleaning.kind, cleaning.port) == ("transformation", "Cleaning transformation")
    assert cleaning.name == f"{job.pipeline.name}-Clean Missing Data"
    assert [a.name for a in workspace.assets.list("model")] == ["cars", "cars"]
    model = workspace.datasets.load_asset("model", "cars", 1)
    assert isinstance(model, TrainedModel) and model.schema == workspace.datasets.asset_schema("model", "cars", 1)


def test_what_cannot_be_registered_says_why(workspace, job):
    with pytest.raises(AssetError, match='no step.* "Nothing"'):
        workspace.assets.register(job.id, "Nothing")
    with pytest.raises(AssetError, match='"Score Model" has no model or transformation outputs'):
        workspace.assets.register(job.id, "Score Model")
    with pytest.raises(AssetError, match='no model or transformation output "Scored dataset"'):
        workspace.assets.register(job.id, "Clean Missing Data", port="Scored dataset")
    with pytest.raises(AssetError, match='no registered model "cars" version 3'):
        workspace.assets.get("cars", 3, kind="model")
    with pytest.raises(ComponentError, match='Model "cars" is not registered') as error:
        workspace.datasets.stored_asset("model", "cars")
    assert error.value.code == 18 and error.value.parameter == "Model"


def test_a_job_snapshot_carries_the_assets_registered_before_it(workspace, job):
    info = workspace.assets.register(job.id, "Train Model", name="cars")
    stored = workspace.datasets.snapshot().stored_asset("model", "cars")
    assert (stored.key, stored.version, stored.schema.label) == (info.artifact, None, "Miles_per_Gallon")


def test_garbage_collection_never_takes_a_registered_asset(workspace, job):
    model = workspace.assets.register(job.id, "Train Model", name="cars")
    with workspace.store.write() as db:  # the job and its cache forgotten: only the asset refers to its files
        db.execute("delete from steps")
        db.execute("delete from step_cache")
    age(workspace)
    report = collect_garbage(workspace, grace=timedelta(minutes=10))
    assert report.removed > 0  # the job's other outputs went
    assert workspace.datasets.load_asset("model", "cars").schema == workspace.datasets.asset_schema("model", "cars")
    assert workspace.assets.get("cars").artifact == model.artifact
