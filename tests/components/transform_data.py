"""A small table with gaps and categories, and call helpers, for the data transformation component tests."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.errors import ComponentError
from nodes.table import Role, Table


def gappy_frame() -> pd.DataFrame:
    """Double, nullable integer, string, categorical and boolean columns with gaps; an int label `label`."""
    return pd.DataFrame({
        "num": [1.0, np.nan, 3.0, 4.0, np.nan, 10.0, 2.0, 7.0],
        "count": pd.array([3, 1, None, 4, 4, 8, None, 2], dtype="Int64"),
        "city": ["Oslo", None, "Rome", "Oslo", "Lima", None, "Oslo", "Rome"],
        "kind": pd.Series(["a", "b", None, "a", "b", "b", "a", None], dtype="category"),
        "flag": pd.array([True, None, False, True, True, False, None, True], dtype="boolean"),
        "label": [0, 1, 0, 1, 1, 0, 1, 0],
    })


def gappy_table() -> Table:
    return Table(gappy_frame(), {"label": Role.LABEL})


def resolved(component: Component, values: dict[str, Any]):
    params, problems = component.resolve_params(values)
    assert not problems, problems
    return params


def run(component: Component, inputs: dict, values: dict[str, Any] | None = None) -> dict:
    return component.run(RunContext(), inputs, resolved(component, values or {}))


def configure(component: Component, schemas: dict, values: dict[str, Any] | None = None) -> dict:
    return component.configure(DesignContext(), schemas, resolved(component, values or {}))


def run_checked(component: Component, inputs: dict, values: dict[str, Any] | None = None) -> dict:
    """Runs the component and checks that `configure` on the input schemas predicts every output's schema."""
    outputs = run(component, inputs, values)
    predicted = configure(component, {name: value.schema for name, value in inputs.items()}, values)
    for name, value in outputs.items():
        assert predicted[name] == value.schema, f"{name}: {predicted[name]} != {value.schema}"
    return outputs


def error_code(call, *args) -> int:
    with pytest.raises(ComponentError) as caught:
        call(*args)
    return caught.value.code
