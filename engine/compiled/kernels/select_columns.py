"""Select Columns in Dataset: the picked columns, resolved on the input schema once."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.compiled.kernel import Arrays, Kernel, varying
from nodes.components.transformation.select_columns import DATASET, OUTPUT, selected
from nodes.params import Params


def make(params: Params, inputs: Mapping[str, Any]) -> Kernel:
    schema = varying(inputs, DATASET)
    names = selected(schema, params)

    def run(tables: Mapping[str, Arrays]) -> dict[str, Arrays]:
        columns = tables[DATASET]
        return {OUTPUT: {name: columns[name] for name in names}}

    return Kernel(run, {OUTPUT: schema.select(names)})
