"""Saved Model and Saved Transformation: a registered model or transformation version as a source node (the
reference's MD- and TD- nodes). The engine hands the registered artifact on; nothing is loaded at design time
but the asset's schema."""
from __future__ import annotations

from dataclasses import dataclass

from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.params import Asset, Int, Params
from nodes.ports import Port

VERSION = "Version"


@dataclass(frozen=True)
class SavedAsset:
    """`configure`, `run` and `content_key` of a source reading the registered asset of `kind` that its `param`
    names (picklable, like every component function)."""

    kind: str  # "model" or "transformation"
    param: str
    output: str

    def configure(self, ctx: DesignContext, inputs: dict, params: Params) -> dict:
        return {self.output: ctx.catalog.asset_schema(self.kind, params[self.param], params[VERSION])}

    def run(self, ctx: RunContext, inputs: dict, params: Params) -> dict:
        return {self.output: ctx.catalog.stored_asset(self.kind, params[self.param], params[VERSION])}

    def content_key(self, ctx: DesignContext, params: Params) -> str:
        return ctx.catalog.asset_key(self.kind, params[self.param], params[VERSION])


def saved_asset(id: str, name: str, kind: str, output: Port, description: str) -> Component:  # noqa: A002
    """The component of a saved asset of `kind`, named by its parameter `kind.capitalize()` (e.g. "Model")."""
    functions = SavedAsset(kind, kind.capitalize(), output.name)
    return Component(
        id=id, name=name, category="Data Input and Output", outputs=(output,),
        description=f"{description} Choose another registered {kind} or version here to replace it (then publish again).",
        params=(Asset(functions.param, kind, description=f"Name of the registered {kind}."),
                Int(VERSION, None, min=1, required=False, description="Blank for the latest version.")),
        configure=functions.configure, run=functions.run, content_key=functions.content_key,
        maps_to=f"the registered {kind}'s artifact, checked against its recorded sha256, loaded with joblib")
