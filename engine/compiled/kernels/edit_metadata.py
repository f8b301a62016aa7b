"""Edit Metadata: names, roles and the categorical flag are schema only; type changes convert the values."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.compiled.conversions import converter
from engine.compiled.kernel import Arrays, Kernel, varying
from nodes.components.transformation._edit_metadata import edited
from nodes.components.transformation.edit_metadata import DATASET, OUTPUT
from nodes.params import Params


def make(params: Params, inputs: Mapping[str, Any]) -> Kernel:
    schema = varying(inputs, DATASET)
    target = edited(schema, params)
    steps = [(before.name, after.name, converter(before.type, after.type))
             for before, after in zip(schema.columns, target.columns, strict=True)]

    def run(tables: Mapping[str, Arrays]) -> dict[str, Arrays]:
        columns = tables[DATASET]
        return {OUTPUT: {after: convert(columns[before]) for before, after, convert in steps}}

    return Kernel(run, {OUTPUT: target})
