"""A component at version 2.0 whose 1.0 named its one parameter "Scale" (now "Factor"), with that migration."""
from __future__ import annotations

from nodes.component import Component, Migration
from nodes.components.data_io import enter_data_manually
from nodes.params import Float
from nodes.ports import DataFrame
from nodes.registry import Registry
from nodes.table import Table


def rename_scale(values: dict) -> dict:
    """1.0 -> 2.0: "Scale" became "Factor"."""
    values = dict(values)
    if "Scale" in values:
        values["Factor"] = values.pop("Scale")
    return values


def _configure(ctx, inputs, params):
    return {"Results dataset": inputs["Dataset"]}


def _run(ctx, inputs, params):
    frame = inputs["Dataset"].frame.copy()
    frame["x"] = frame["x"] * params["Factor"]
    ctx.log_metric("factor", params["Factor"])
    return {"Results dataset": Table(frame)}


SCALE = Component(id="test_scale", name="Scale Column", category="Data Transformation",
                  description="multiplies x by Factor", version="2.0",
                  inputs=(DataFrame("Dataset"),), outputs=(DataFrame("Results dataset"),),
                  params=(Float("Factor", 1.0),), migrations=(Migration("1.0", "2.0", rename_scale),),
                  configure=_configure, run=_run)


def registry() -> Registry:
    """Enter Data Manually and Scale Column only."""
    return Registry([enter_data_manually.COMPONENT, SCALE])
