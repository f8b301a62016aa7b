"""Web Service Output: the table on its input is the response."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.compiled.kernel import Arrays, Kernel, varying
from nodes.params import Params
from nodes.web_service import DATASET


def make(params: Params, inputs: Mapping[str, Any]) -> Kernel:
    return Kernel(_passed, {DATASET: varying(inputs, DATASET)})


def _passed(inputs: Mapping[str, Arrays]) -> dict[str, Arrays]:
    return {DATASET: inputs[DATASET]}
