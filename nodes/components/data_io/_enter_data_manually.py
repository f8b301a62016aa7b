"""Enter Data Manually's design-time side: the schema of the typed table, which pandas parses
(`_enter_data_manually_run.parse`): validating such a node loads pandas."""
from __future__ import annotations

from nodes.components.data_io.enter_data_manually import OUTPUT
from nodes.context import DesignContext
from nodes.lazy import Lazy
from nodes.params import Params

_parse = Lazy("nodes.components.data_io._enter_data_manually_run", "parse")


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: _parse(params).schema}
