"""A real server on a free loopback port, over a workspace with a published pipeline, and a client with a token."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from engine.pipeline import Binding, Pipeline, PipelineParameter
from engine.publishing import PipelineEndpoints
from engine.server import Server
from engine.tokens import Tokens

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SAMPLE_DATA = "Automobile fuel economy"
ENDPOINT = "cars"


def with_dataset_input(pipeline: Pipeline) -> Pipeline:
    """The pipeline with a Dataset parameter "input" bound to its data set node (default: the sample data)."""
    node = next(n for n in pipeline.nodes if n.component == "dataset")
    parameter = PipelineParameter(name="input", kind="Dataset", default=SAMPLE_DATA,
                                  bindings=[Binding(node=node.id, param="Dataset")])
    return pipeline.model_copy(update={"parameters": [*pipeline.parameters, parameter]})


def with_default(pipeline: Pipeline, name: str, value) -> Pipeline:
    parameters = [p.model_copy(update={"default": value}) if p.name == name else p for p in pipeline.parameters]
    return pipeline.model_copy(update={"parameters": parameters})


@pytest.fixture
def regression():
    return with_dataset_input(Pipeline.load(SAMPLES / "regression_automobile_fuel_economy.json"))


@pytest.fixture
def endpoints(workspace, engine):
    return PipelineEndpoints(workspace, engine.registry)


@pytest.fixture
def published(endpoints, regression):
    """Version 0 (training fraction 0.7) and version 1 (0.5), made the default."""
    endpoints.publish(regression, ENDPOINT, description="first")
    endpoints.publish(with_default(regression, "training-fraction", 0.5), ENDPOINT, make_default=True)
    return endpoints


@pytest.fixture
def server(workspace, engine):
    server = Server(workspace, engine, port=0)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def token(workspace):
    return Tokens(workspace.store).create("tests")


@pytest.fixture
def client(server, token):
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token[1]}"}, timeout=60) as client:
        yield client
