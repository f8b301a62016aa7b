"""Web Service Input and Output: where a real-time inference pipeline takes its request data and returns its
results. In a job both pass their data set through; the real-time server feeds each Web Service Input's
output with the request's rows and reads each Web Service Output's."""
from __future__ import annotations

from nodes import errors
from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.params import Params, String
from nodes.ports import DataFrame

DATASET = "Dataset"
NAME = "Name"


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The input's schema (None while a Web Service Input has no data set on its input)."""
    return {DATASET: inputs.get(DATASET)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    if inputs.get(DATASET) is None:
        raise errors.null_or_empty(DATASET, port=DATASET)
    return {DATASET: inputs[DATASET]}


def web_service_node(id: str, name: str, default: str, optional: bool, description: str) -> Component:  # noqa: A002
    """A pass-through node with a "Name" (`default`); `optional`: whether its input may be left unconnected."""
    return Component(
        id=id, name=name, category="Web Service", description=description,
        inputs=(DataFrame(DATASET, optional=optional),), outputs=(DataFrame(DATASET),),
        params=(String(NAME, default, description="The name requests and responses use for this data."),),
        configure=configure, run=run,
        maps_to="nothing: the request's rows (in an endpoint) or its input table (in a job) pass through")
