"""Compiling a prepared inference graph (`engine.evaluate.Partial`): each step's kernel, in topological order."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from engine.compiled.arrays import canonical, check_types, respond
from engine.compiled.kernel import Arrays, Kernel, NotCompilable, Varying
from engine.compiled.kernels import MAKERS
from engine.evaluate import Partial
from nodes.schema import Role, TableSchema
from nodes.web_service import DATASET

Source = tuple[str, str]  # (node id, output port)


@dataclass(frozen=True)
class _Op:
    node_id: str
    kernel: Kernel
    sources: tuple[tuple[str, Source], ...]  # (input port, source) of the request-dependent inputs


class CompiledGraph:
    """A prepared graph as kernels on column arrays: `graph.run(graph.read({input node: columns}))` gives
    {output node: columns}.

    `inputs` and `outputs` give each Web Service node's table schema (inputs as a request gives them: every
    column a feature)."""

    def __init__(self, ops: list[_Op], inputs: dict[str, TableSchema], outputs: dict[str, TableSchema]) -> None:
        self.ops, self.inputs, self.outputs = ops, inputs, outputs

    def read(self, tables: Mapping[str, Mapping[str, Any]]) -> dict[str, Arrays]:
        """Each input node's columns of its schema, in the compiled form (`arrays.canonical`)."""
        return {node_id: {c.name: canonical(tables[node_id][c.name], c.type) for c in schema.columns}
                for node_id, schema in self.inputs.items()}

    def run(self, inputs: Mapping[str, Arrays]) -> dict[str, Arrays]:
        """Each output node's columns, in the response form (`arrays.respond`), for the inputs `read` gave."""
        values: dict[Source, Arrays] = {(node_id, DATASET): columns for node_id, columns in inputs.items()}
        for op in self.ops:
            outputs = op.kernel.run({port: values[source] for port, source in op.sources})
            values.update({(op.node_id, port): arrays for port, arrays in outputs.items()})
        return {node_id: respond(values[(node_id, DATASET)], schema) for node_id, schema in self.outputs.items()}


def compile_graph(partial: Partial, inputs: Mapping[str, TableSchema | None], outputs: list[str]) -> CompiledGraph:
    """The compiled form of `partial` with the Web Service Inputs' nodes and schemas `inputs` and the Web Service
    Outputs' nodes `outputs`; `NotCompilable` names the first step that does not compile."""
    symbols: dict[Source, Any] = {}
    given: dict[str, TableSchema] = {}
    for node_id, schema in inputs.items():
        if schema is None:
            raise NotCompilable("an input without a known schema")
        check_types(schema)
        given[node_id] = TableSchema(tuple(replace(c, role=Role.FEATURE) for c in schema.columns))
        symbols[(node_id, DATASET)] = Varying(given[node_id])
    for node_id, ports in partial.constants.items():
        symbols.update({(node_id, port): value for port, value in ports.items()})
    ops = []
    for step in partial.evaluation.steps:
        if step.node_id in given or step.node_id in partial.constants:
            continue
        kernel = _kernel(step, {port: symbols.get(source) for port, source in step.sources})
        for port, schema in kernel.outputs.items():
            check_types(schema)
            symbols[(step.node_id, port)] = Varying(schema)
        ops.append(_Op(step.node_id, kernel, tuple((port, source) for port, source in step.sources
                                                   if isinstance(symbols.get(source), Varying))))
    results = {node_id: symbols.get((node_id, DATASET)) for node_id in outputs}
    if not all(isinstance(result, Varying) for result in results.values()):
        raise NotCompilable("an output that does not depend on the request")
    return CompiledGraph(ops, given, {node_id: result.schema for node_id, result in results.items()})


def _kernel(step: Any, inputs: dict[str, Any]) -> Kernel:
    maker = MAKERS.get(step.component.id)
    if maker is None or step.params is None:
        raise NotCompilable(f"{step.component.name} has no compiled form")
    try:
        return maker(step.params, inputs)
    except NotCompilable as error:
        raise NotCompilable(f"{step.component.name}: {error}") from error
    except Exception as error:  # a fitted object or parameter the maker did not expect: the general path serves
        raise NotCompilable(f"{step.component.name}: {type(error).__name__}: {error}") from error
