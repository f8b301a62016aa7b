"""Design-time checks of a pipeline (reference §6) and schema propagation through `configure`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from engine.graph import find_cycle, topological_order
from engine.parameters import ParameterAssignmentError, binding_mismatch, coerce
from engine.pipeline import LOCAL_COMPUTE, Node, Pipeline
from engine.versions import current_params, upgrade_pipeline
from nodes.component import Component, UnknownVersion
from nodes.components.transformation import split_data
from nodes.context import DatasetCatalog, DesignContext
from nodes.errors import ComponentError
from nodes.params import Params
from nodes.registry import Registry, default_registry


@dataclass(frozen=True)
class Problem:
    """One thing that stops a pipeline from running, and where it is."""

    message: str
    node: str | None = None
    node_name: str | None = None
    port: str | None = None
    parameter: str | None = None
    code: str | None = None

    def __str__(self) -> str:
        where = self.node_name or "Pipeline"
        detail = self.parameter or self.port
        return f"{where}{f' [{detail}]' if detail else ''}: {self.message}"

    def to_dict(self) -> dict:
        return {"message": self.message, "node": self.node, "node_name": self.node_name, "port": self.port,
                "parameter": self.parameter, "code": self.code}


@dataclass
class Analysis:
    """What validation found: the problems, and each node's output schemas and resolved parameters."""

    problems: list[Problem] = field(default_factory=list)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    params: dict[str, Params] = field(default_factory=dict)

    def input_schemas(self, pipeline: Pipeline, node_id: str) -> dict[str, Any]:
        """The schemas arriving at a node's input ports (for the column picker)."""
        return {e.target_port: self.schemas.get(e.source, {}).get(e.source_port)
                for e in pipeline.incoming(node_id)}

    def for_node(self, node_id: str) -> list[Problem]:
        return [p for p in self.problems if p.node == node_id]


def analyze(pipeline: Pipeline, registry: Registry | None = None, catalog: DatasetCatalog | None = None,
            computes: frozenset[str] = frozenset({LOCAL_COMPUTE})) -> Analysis:
    """Check every rule without running anything, propagating schemas as far as they are known. Nodes of an
    older component version are checked with their values upgraded (and bindings following renames)."""
    registry = registry or default_registry()
    checker = _Checker(upgrade_pipeline(pipeline, registry), registry, DesignContext(catalog), computes)
    checker.run()
    return checker.analysis


def validate(pipeline: Pipeline, registry: Registry | None = None, catalog: DatasetCatalog | None = None,
             computes: frozenset[str] = frozenset({LOCAL_COMPUTE})) -> list[Problem]:
    return analyze(pipeline, registry, catalog, computes).problems


class _Checker:
    def __init__(self, pipeline: Pipeline, registry: Registry, ctx: DesignContext, computes: frozenset[str]):
        self.pipeline, self.registry, self.ctx, self.computes = pipeline, registry, ctx, computes
        self.analysis = Analysis()
        self.components: dict[str, Component] = {}
        self.values: dict[str, dict[str, Any]] = {}  # each node's values at its component's version

    def problem(self, message: str, node: Node | None = None, **where: Any) -> None:
        name = self.components[node.id].name if node and node.id in self.components else (
            node.component if node else None)
        self.analysis.problems.append(Problem(message, node.id if node else None, name, **where))

    def run(self) -> None:
        if not self.pipeline.nodes:
            self.problem("The pipeline has no components; drag at least one onto the canvas.", code="EmptyPipeline")
        self.check_nodes()
        self.check_compute()
        self.check_edges()
        cycle = find_cycle(self.pipeline)
        if cycle:
            names = " -> ".join(self._name(n) for n in cycle)
            self.problem(f"The pipeline has a cycle ({names}); a pipeline must be a directed acyclic graph.",
                         code="Cycle")
        self.check_required_inputs()
        self.check_parameters()
        self.check_split_fractions()
        self.check_pipeline_parameters()
        if not cycle:
            self.propagate()

    def _name(self, node_id: str) -> str:
        component = self.components.get(node_id)
        return component.name if component else node_id

    def check_nodes(self) -> None:
        seen: set[str] = set()
        for node in self.pipeline.nodes:
            if node.id in seen:
                self.problem(f"Two nodes share the id {node.id}; give each node its own UUID.", node,
                             code="DuplicateNode")
            seen.add(node.id)
            if node.component not in self.registry:
                self.problem(f'Unknown component "{node.component}"; replace or delete this node.', node,
                             code="UnknownComponent")
                continue
            component = self.components[node.id] = self.registry[node.component]
            try:
                self.values[node.id] = current_params(node, component)
            except UnknownVersion as error:
                self.problem(str(error), node, code="UnknownVersion")

    def check_compute(self) -> None:
        default = self.pipeline.default_compute
        if default and default not in self.computes:
            self.problem(f"The compute target {default} of the pipeline is invalid; choose one of: "
                         f'{", ".join(sorted(self.computes))}.', code="InvalidCompute")
        for node in self.pipeline.nodes:
            if node.compute and node.compute not in self.computes:
                self.problem(f'The compute target {node.compute} of {self._name(node.id)} is invalid.', node,
                             code="InvalidCompute")
            elif not node.compute and not default:
                self.problem("Invalid graph: The pipeline compute target is invalid. Set a default compute "
                             "for the pipeline or a compute for this node.", node, code="InvalidCompute")

    def check_edges(self) -> None:
        nodes = {n.id: n for n in self.pipeline.nodes}
        wired: set[tuple[str, str]] = set()
        for edge in self.pipeline.edges:
            source, target = nodes.get(edge.source), nodes.get(edge.target)
            if source is None or target is None:
                missing = edge.source if source is None else edge.target
                self.problem(f"A connection refers to node {missing}, which is not in the pipeline; delete it.",
                             target or source, code="DanglingEdge")
                continue
            out = self.components[source.id].output(edge.source_port) if source.id in self.components else None
            inp = self.components[target.id].input(edge.target_port) if target.id in self.components else None
            if source.id in self.components and out is None:
                self.problem(f'{self._name(source.id)} has no output port "{edge.source_port}".', source,
                             port=edge.source_port, code="UnknownPort")
            if target.id in self.components and inp is None:
                self.problem(f'This component has no input port "{edge.target_port}".', target,
                             port=edge.target_port, code="UnknownPort")
            if out and inp and out.type is not inp.type:
                self.problem(f'Input port "{inp.name}" takes {inp.type.value}, but "{out.name}" of '
                             f'{self._name(source.id)} gives {out.type.value}; connect a compatible output.',
                             target, port=inp.name, code="IncompatiblePorts")
            key = (edge.target, edge.target_port)
            if key in wired:
                self.problem(f'Input port "{edge.target_port}" has more than one connection; keep one.', target,
                             port=edge.target_port, code="MultipleConnections")
            wired.add(key)

    def check_required_inputs(self) -> None:
        for node in self.pipeline.nodes:
            component = self.components.get(node.id)
            if component is None:
                continue
            connected = {e.target_port for e in self.pipeline.incoming(node.id)}
            for port in component.inputs:
                if not port.optional and port.name not in connected:
                    self.problem(f'Input port "{port.name}" is required: connect an output of type '
                                 f'{port.type.value}.', node, port=port.name, code="RequiredPort")

    def check_parameters(self) -> None:
        for node in self.pipeline.nodes:
            if node.id not in self.values:
                continue
            params, errors = self.components[node.id].resolve_params(self.values[node.id])
            self.analysis.params[node.id] = params
            for error in errors:
                self.problem(error.message, node, parameter=error.parameter, code=f"{error.code:04d}")

    def check_split_fractions(self) -> None:
        """Split Data with a fraction of 0 or 1 sends every row to one output: the other must not be connected."""
        for node in self.pipeline.nodes:
            params = self.analysis.params.get(node.id)
            if node.component != split_data.COMPONENT.id or params is None:
                continue
            fraction = params.get(split_data.FRACTION)  # None outside Split Rows mode, or when it is not valid
            empty = {0: split_data.FIRST, 1: split_data.SECOND}.get(fraction)
            if empty and any(e.source == node.id and e.source_port == empty for e in self.pipeline.edges):
                self.problem(f'A fraction of {fraction:g} leaves "{empty}" empty, but it is connected; choose a '
                             f'fraction between 0 and 1, or disconnect "{empty}".', node,
                             parameter=split_data.FRACTION, code="0008")

    def check_pipeline_parameters(self) -> None:
        nodes = {n.id: n for n in self.pipeline.nodes}
        for parameter in self.pipeline.parameters:
            if parameter.default is not None:
                try:
                    coerce(parameter, parameter.default)
                except ParameterAssignmentError as error:
                    self.problem(f"{error} (its default)", parameter=parameter.name, code="InvalidDefault")
            for binding in parameter.bindings:
                node = nodes.get(binding.node)
                if node is None:
                    self.problem(f'Pipeline parameter "{parameter.name}" is bound to node {binding.node}, '
                                 'which is not in the pipeline; detach it.', code="DanglingBinding")
                    continue
                if node.id not in self.values:  # unknown component or version: reported already
                    continue
                param = self.components[node.id].param(binding.param)
                if param is None:
                    self.problem(f'Pipeline parameter "{parameter.name}" is bound to "{binding.param}", '
                                 'which this component does not have; detach it.', node,
                                 parameter=binding.param, code="DanglingBinding")
                elif mismatch := binding_mismatch(parameter, param):
                    self.problem(mismatch, node, parameter=binding.param, code="IncompatibleBinding")

    def propagate(self) -> None:
        """Run every `configure` upstream first; a node whose inputs are unknown gets unknown outputs."""
        failed = {p.node for p in self.analysis.problems if p.node}
        for node_id in topological_order(self.pipeline):
            node = self.pipeline.node(node_id)
            component = self.components.get(node_id)
            outputs: dict[str, Any] = {}
            self.analysis.schemas[node_id] = outputs
            if component is None or node_id in failed:
                continue
            inputs = self.analysis.input_schemas(self.pipeline, node_id)
            connected = {e.target_port for e in self.pipeline.incoming(node_id)}
            if any(inputs.get(p) is None for p in connected):
                continue
            try:
                result = component.configure(self.ctx, inputs, self.analysis.params[node_id]) or {}
            except ComponentError as error:
                self.problem(error.message, node, port=error.port, parameter=error.parameter,
                             code=f"{error.code:04d}")
                continue
            except Exception as error:  # a bug in a component's configure must not hide the other problems
                self.problem(f"Could not check this node ({type(error).__name__}: {error}).", node, code="2000")
                continue
            outputs.update(result)
