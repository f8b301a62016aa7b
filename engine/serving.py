"""A deployed real-time inference pipeline made ready to score requests in memory (no store or artifact write).

Preparing keeps only the nodes that feed a Web Service Output (Evaluate Model and the data set behind a Web
Service Input go), runs the nodes that do not depend on request data once (Saved Model, Saved Transformation),
and keeps an `Evaluation` of the rest; a request's tables stand in for the Web Service Inputs' outputs.
`GlobalParameters` of a call prepare the pipeline with those values (a few such preparations are kept).

When every step compiles (`engine.compiled`), `path` is "compiled" and requests without `GlobalParameters` score
through NumPy kernels on column arrays (`score_columns`; `score` converts tables to arrays and back); otherwise
`path` is "general" and every request is evaluated as a graph.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.compiled.arrays import respond
from engine.compiled.compiler import CompiledGraph, compile_graph
from engine.compiled.frames import arrays_table, table_arrays
from engine.compiled.kernel import Fallback, NotCompilable
from engine.evaluate import Partial, Values
from engine.graph import upstream
from engine.parameters import apply_parameters
from engine.pipeline import Pipeline
from engine.request_tables import RequestError
from engine.validation import analyze
from nodes.components.web_service import web_service_input, web_service_output
from nodes.context import DatasetCatalog
from nodes.registry import Registry
from nodes.schema import TableSchema
from nodes.table import Table
from nodes.web_service import DATASET, NAME

COMPILED, GENERAL = "compiled", "general"
PARAMETER_PREPARATIONS = 8
"""How many preparations for other `GlobalParameters` values are kept (the least recently used goes)."""


class ServingError(ValueError):
    """A pipeline that cannot serve requests: says why."""


@dataclass(frozen=True)
class ServicePort:
    """A Web Service Input or Output: its node, its name in requests and responses, its table schema."""

    node_id: str
    name: str
    schema: TableSchema | None

    def schema_dict(self) -> list[dict] | None:
        return self.schema.to_dict() if self.schema is not None else None


class _Runner:
    """The pipeline, with parameters applied, pruned to what feeds the outputs, constants computed once."""

    def __init__(self, pipeline: Pipeline, inputs: list[ServicePort], outputs: list[ServicePort],
                 registry: Registry, catalog: DatasetCatalog) -> None:
        given = {p.node_id for p in inputs}
        needed = upstream(pipeline, {p.node_id for p in outputs}, given)
        pruned = pipeline.model_copy(update={
            "nodes": [n for n in pipeline.nodes if n.id in needed], "parameters": [],
            "edges": [e for e in pipeline.edges if e.target in needed and e.target not in given]})
        self.partial = Partial(pruned, given, registry, catalog)
        self.outputs = frozenset(p.node_id for p in outputs)

    def __call__(self, tables: Mapping[str, Table]) -> Values:
        return self.partial({node_id: {DATASET: table} for node_id, table in tables.items()}, keep=self.outputs)


class PreparedDeployment:
    """A real-time inference pipeline ready to score: `score({input name: table}, parameters)`."""

    def __init__(self, pipeline: Pipeline, registry: Registry, catalog: DatasetCatalog) -> None:
        self.pipeline, self.registry, self.catalog = pipeline, registry, catalog
        schemas = analyze(apply_parameters(pipeline), registry, catalog).schemas
        self.inputs = _ports(pipeline, web_service_input.COMPONENT.id, schemas)
        self.outputs = _ports(pipeline, web_service_output.COMPONENT.id, schemas)
        if not self.inputs or not self.outputs:
            raise ServingError(f'"{pipeline.name}" needs a Web Service Input and a Web Service Output to serve '
                               "requests; make it with `designer inference JOB --kind realtime`.")
        self._default = _Runner(apply_parameters(pipeline), self.inputs, self.outputs, registry, catalog)
        self.compiled: CompiledGraph | None = None
        self.general_because = ""
        try:
            self.compiled = compile_graph(self._default.partial, {p.node_id: p.schema for p in self.inputs},
                                          [p.node_id for p in self.outputs])
        except NotCompilable as why:
            self.general_because = str(why)
        self._with_parameters: OrderedDict[str, _Runner] = OrderedDict()
        self._lock = threading.Lock()

    def fitted(self) -> list[Any]:
        """What preparing computed once (saved models, fitted transformations), e.g. to read a model's levels."""
        return [value for outputs in self._default.partial.constants.values() for value in outputs.values()]

    @property
    def path(self) -> str:
        """How requests without `GlobalParameters` are scored: "compiled" or "general"."""
        return COMPILED if self.compiled is not None else GENERAL

    def input(self, name: str) -> ServicePort:
        for port in self.inputs:
            if port.name == name:
                return port
        names = ", ".join(p.name for p in self.inputs)
        raise RequestError(f'"{name}" is not an input of this endpoint (its inputs: {names}).', input=name)

    def score(self, tables: Mapping[str, Table], parameters: Mapping[str, Any] | None = None) -> dict[str, Table]:
        """The Web Service Outputs' tables (by name) for the tables of every Web Service Input (by name): through
        the compiled form when there is one, no `parameters` are given and the tables have the inputs' schemas."""
        self._check_inputs(tables)
        if not parameters and self.compiled is not None and all(
                table.schema == self.compiled.inputs[self.input(name).node_id] for name, table in tables.items()):
            columns = self.score_columns({name: table_arrays(table) for name, table in tables.items()})
            return {port.name: arrays_table(columns[port.name], self.compiled.outputs[port.node_id])
                    for port in self.outputs}
        return self.score_general(tables, parameters or {})

    def score_columns(self, inputs: Mapping[str, Mapping[str, np.ndarray]]) -> dict[str, dict[str, np.ndarray]]:
        """The Web Service Outputs' columns (by output name, in table order) for each Web Service Input's columns
        (by input name: column name -> 1-D array, every column of its schema, values of the column's type with
        None or NaN for missing), through the compiled form; only when `path` is "compiled".

        Output columns are float64 (NaN for missing), int64, bool, or object (str; an Integer or Boolean column
        with a missing value as ints or booleans and None). A request the compiled form cannot answer exactly
        (an unknown level a model refuses, a value that does not convert) is scored by the general path, which
        raises its own error."""
        if self.compiled is None:
            raise ServingError(f"This deployment is served by the general path ({self.general_because}).")
        self._check_inputs(inputs)
        given = self.compiled.read({self.input(name).node_id: columns for name, columns in inputs.items()})
        try:
            results = self.compiled.run(given)
        except Fallback:
            tables = {port.name: arrays_table(given[port.node_id], self.compiled.inputs[port.node_id])
                      for port in self.inputs}
            return {name: respond(table_arrays(table), table.schema)
                    for name, table in self.score_general(tables, {}).items()}
        return {port.name: results[port.node_id] for port in self.outputs}

    def _check_inputs(self, inputs: Mapping[str, Any]) -> None:
        for port in self.inputs:
            if port.name not in inputs:
                raise RequestError(f'Input "{port.name}" is missing from the request.', input=port.name)

    def score_general(self, tables: Mapping[str, Table], parameters: Mapping[str, Any] | None = None
                      ) -> dict[str, Table]:
        """As `score`, always through the pipeline (the general path)."""
        values = self._runner(parameters or {})({self.input(name).node_id: table for name, table in tables.items()})
        return {port.name: values[port.node_id][DATASET] for port in self.outputs}

    def _runner(self, parameters: Mapping[str, Any]) -> _Runner:
        if not parameters:
            return self._default
        key = json.dumps(parameters, sort_keys=True, default=str)
        with self._lock:
            if key in self._with_parameters:
                self._with_parameters.move_to_end(key)
                return self._with_parameters[key]
        runner = _Runner(apply_parameters(self.pipeline, dict(parameters)), self.inputs, self.outputs,
                         self.registry, self.catalog)
        with self._lock:
            self._with_parameters[key] = runner
            while len(self._with_parameters) > PARAMETER_PREPARATIONS:
                self._with_parameters.popitem(last=False)
        return runner


def _ports(pipeline: Pipeline, component_id: str, schemas: dict[str, dict[str, Any]]) -> list[ServicePort]:
    nodes = [n for n in pipeline.nodes if n.component == component_id]
    ports = [ServicePort(n.id, str(n.params.get(NAME) or ""), schemas.get(n.id, {}).get(DATASET)) for n in nodes]
    names = [p.name for p in ports]
    if twice := sorted({n for n in names if names.count(n) > 1 or not n}):
        raise ServingError(f"Web Service nodes need distinct, non-empty names (repeated or empty: {twice}).")
    return ports
