"""Small components for runner tests: slow, failing, printing steps (real components, registered ad hoc)."""
from __future__ import annotations

import time
import warnings

import pandas as pd

from nodes.component import Component
from nodes.errors import ComponentError
from nodes.params import Float, Mode, String
from nodes.ports import DataFrame
from nodes.registry import Registry, discover
from nodes.table import Table


def _source_configure(ctx, inputs, params):
    return {"Dataset": Table(pd.DataFrame({"x": [1.0]})).schema}


def _slow_run(ctx, inputs, params):
    deadline = time.monotonic() + params["Seconds"]
    while time.monotonic() < deadline:
        ctx.check_cancelled()
        time.sleep(0.01)
    ctx.progress(1.0)
    return {"Dataset": Table(pd.DataFrame({"x": [1.0], "tag": [params["Tag"]]}))}


def _slow_configure(ctx, inputs, params):
    return {"Dataset": Table(pd.DataFrame({"x": [1.0], "tag": ["a"]})).schema}


SLOW = Component(id="test_slow", name="Slow Source", category="Data Input and Output", description="sleeps",
                 outputs=(DataFrame("Dataset"),), params=(Float("Seconds", 0.2, min=0), String("Tag", "a")),
                 configure=_slow_configure, run=_slow_run)


def _pass_configure(ctx, inputs, params):
    return {"Results dataset": inputs["Dataset"]}


def _pass_run(ctx, inputs, params):
    behaviour = params["Behaviour"]
    print("hello from the step")
    warnings.warn("a warning from the step", UserWarning, stacklevel=1)
    ctx.logger.info("a log record from the step")
    if behaviour == "ComponentError":
        raise ComponentError(1, "ColumnNotFound", 'Column with name or index "nope" not found.', column="nope")
    if behaviour == "Crash":
        raise ZeroDivisionError("division by zero")
    ctx.log_metric("rows", len(inputs["Dataset"].frame))
    return {"Results dataset": inputs["Dataset"]}


PASS = Component(id="test_pass", name="Pass Through", category="Data Transformation", description="passes",
                 inputs=(DataFrame("Dataset"),), outputs=(DataFrame("Results dataset"),),
                 params=(Mode("Behaviour", ["Pass", "ComponentError", "Crash"]),),
                 configure=_pass_configure, run=_pass_run)


def registry() -> Registry:
    return Registry([*discover(), SLOW, PASS])
