"""In-memory graph evaluation: values in, values out; no job record, no artifact, no reuse lookup, no event.

`Evaluation(pipeline)` prepares a pipeline once (order, components, resolved parameters, wiring) and is then
called on input values as often as needed: the real-time server calls it per request. `evaluate` is the one-shot
form. The job runner runs the very same step function (`run_component`), adding fingerprints, artifacts and
events around it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from engine.graph import downstream, topological_order
from engine.pipeline import Pipeline
from engine.step import resolved, run_component
from engine.versions import current_params
from nodes.component import Component
from nodes.context import CancelSignal, DatasetCatalog, RunContext
from nodes.errors import ComponentError
from nodes.params import Params
from nodes.registry import Registry, default_registry

Values = dict[str, dict[str, Any]]  # node id -> output port -> value


class EvaluationError(Exception):
    """A node's parameters or run failed: which node, and the component's coded error."""

    def __init__(self, node_id: str, node_name: str, error: ComponentError) -> None:
        super().__init__(f"{node_name}: {error}")
        self.node_id, self.node_name, self.error = node_id, node_name, error


@dataclass(frozen=True)
class _Step:
    node_id: str
    component: Component
    params: Params | None  # None: the parameters do not resolve (raised when the step is reached)
    problem: ComponentError | None
    sources: tuple[tuple[str, tuple[str, str]], ...]  # (input port, (source node, source port))


class Evaluation:
    """A pipeline ready to evaluate on in-memory values, many times; a node of a version the catalogue cannot
    upgrade raises `UnknownVersion` here, as validation would report it."""

    def __init__(self, pipeline: Pipeline, registry: Registry | None = None,
                 catalog: DatasetCatalog | None = None) -> None:
        registry = registry or default_registry()
        self.catalog = catalog
        self.steps: list[_Step] = []
        for node_id in topological_order(pipeline):
            node = pipeline.node(node_id)
            component = registry[node.component]
            params, problems = component.resolve_params(current_params(node, component))
            sources = tuple((e.target_port, (e.source, e.source_port)) for e in pipeline.incoming(node_id))
            self.steps.append(_Step(node_id, component, None if problems else params,
                                    problems[0] if problems else None, sources))
        self.readers = Counter(source for step in self.steps for _, source in step.sources)

    def __call__(self, inputs: Mapping[str, Mapping[str, Any]] | None = None, *,
                 keep: Collection[str] | None = None, cancel: CancelSignal | None = None) -> Values:
        """Run every node not given in `inputs` (node id -> port -> value, which stand in for that node's outputs);
        returns the outputs of the nodes in `keep` (default: every node), letting go of the others early."""
        inputs = inputs or {}
        values: dict[tuple[str, str], Any] = {}
        readers = Counter(self.readers)
        results: Values = {}
        for step in self.steps:
            outputs = dict(inputs[step.node_id]) if step.node_id in inputs else self._run(step, values, cancel)
            for port, value in outputs.items():
                values[(step.node_id, port)] = value
            if keep is None or step.node_id in keep:
                results[step.node_id] = outputs
            for _, source in step.sources:
                readers[source] -= 1
                if readers[source] == 0:
                    values.pop(source, None)
        return results

    def _run(self, step: _Step, values: dict[tuple[str, str], Any], cancel: CancelSignal | None) -> dict[str, Any]:
        if step.params is None:
            raise EvaluationError(step.node_id, step.component.name, step.problem)
        arguments = {port: values[source] for port, source in step.sources}
        ctx = RunContext(catalog=self.catalog, cancel_event=cancel)
        try:
            outputs = run_component(step.component, step.params, arguments, ctx)
            return {port: resolved(value, ctx.catalog) for port, value in outputs.items()}
        except ComponentError as error:
            raise EvaluationError(step.node_id, step.component.name, error) from error


class Partial:
    """A pipeline split around the nodes whose outputs every call gives (`given`): the nodes that do not depend on
    them are evaluated once, here (`constants`: a saved model, a fitted transformation); a call evaluates the
    rest (a batch run's chunks, a real-time request)."""

    def __init__(self, pipeline: Pipeline, given: Collection[str], registry: Registry | None = None,
                 catalog: DatasetCatalog | None = None, *, cancel: CancelSignal | None = None) -> None:
        self.varying = frozenset(given).union(*(downstream(pipeline, node_id) for node_id in given))
        once = pipeline.model_copy(update={
            "nodes": [n for n in pipeline.nodes if n.id not in self.varying],
            "edges": [e for e in pipeline.edges if e.target not in self.varying]})
        self.constants: Values = Evaluation(once, registry, catalog)(cancel=cancel)
        self.evaluation = Evaluation(pipeline, registry, catalog)

    def __call__(self, given: Mapping[str, Mapping[str, Any]], *, keep: Collection[str] | None = None,
                 cancel: CancelSignal | None = None) -> Values:
        return self.evaluation({**self.constants, **given}, keep=keep, cancel=cancel)


def evaluate(pipeline: Pipeline, inputs: Mapping[str, Mapping[str, Any]] | None = None, *,
             registry: Registry | None = None, catalog: DatasetCatalog | None = None,
             keep: Collection[str] | None = None) -> Values:
    """Evaluate a pipeline once on in-memory values (see `Evaluation`)."""
    return Evaluation(pipeline, registry, catalog)(inputs, keep=keep)
