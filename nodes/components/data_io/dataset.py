"""A data set node: a sample or registered data set as a source with one DataFrame output."""
from __future__ import annotations

from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.params import Dataset, Int, Params
from nodes.ports import DataFrame

OUTPUT = "Dataset"


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: ctx.catalog.dataset_schema(params["Dataset"], params["Version"])}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    """The data set as stored: the engine hands its artifact on, nothing is loaded or written again."""
    return {OUTPUT: ctx.catalog.stored_dataset(params["Dataset"], params["Version"])}


def content_key(ctx: DesignContext, params: Params) -> str:
    return ctx.catalog.dataset_key(params["Dataset"], params["Version"])


COMPONENT = Component(
    id="dataset",
    name="Dataset",
    category="Data Input and Output",
    description="A registered or sample data set of the workspace.",
    outputs=(DataFrame(OUTPUT),),
    params=(Dataset("Dataset", description="Name of the registered data set."),
            Int("Version", None, min=1, required=False, description="Blank for the latest version.")),
    configure=configure,
    run=run,
    content_key=content_key,
    maps_to="the registered data set version's Parquet file, read with pyarrow into a pandas DataFrame",
)
