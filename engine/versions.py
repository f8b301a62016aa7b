"""Node versions: a node keeps the component version it was placed with; its values are upgraded to run."""
from __future__ import annotations

from typing import Any

from engine.pipeline import Binding, Node, Pipeline
from nodes.component import Component, UnknownVersion
from nodes.registry import Registry


def current_params(node: Node, component: Component) -> dict[str, Any]:
    """The node's parameter values migrated from its version to the component's; raises UnknownVersion."""
    if node.version == component.version:
        return dict(node.params)
    return component.upgrade(node.version, node.params)


def upgrade_pipeline(pipeline: Pipeline, registry: Registry) -> Pipeline:
    """A copy whose nodes of an older version hold the current version and migrated values; a binding to a
    parameter that the migration renamed follows it. Nodes of an unknown version or component are kept as
    they are (validation reports them)."""
    upgraded = {}
    for node in pipeline.nodes:
        component = registry[node.component] if node.component in registry else None
        if component is None or node.version == component.version:
            continue
        try:
            upgraded[node.id] = node.model_copy(update={"version": component.version,
                                                        "params": current_params(node, component)})
        except UnknownVersion:
            continue
    if not upgraded:
        return pipeline
    parameters = [p.model_copy(update={"bindings": [_follow(b, pipeline, upgraded, registry) for b in p.bindings]})
                  for p in pipeline.parameters]
    nodes = [upgraded.get(n.id, n) for n in pipeline.nodes]
    return pipeline.model_copy(update={"nodes": nodes, "parameters": parameters}, deep=True)


def _follow(binding: Binding, pipeline: Pipeline, upgraded: dict[str, Node], registry: Registry) -> Binding:
    """The binding renamed as the migration renames its parameter: found by the identity of a marker value."""
    if binding.node not in upgraded:
        return binding
    node = pipeline.node(binding.node)
    component = registry[node.component]
    if component.param(binding.param) is not None:
        return binding
    marker = object()
    try:
        values = component.upgrade(node.version, {**node.params, binding.param: marker})
    except Exception:  # a migration that computes with this value: the binding cannot be followed; validation tells
        return binding
    names = [name for name, value in values.items() if value is marker]
    return binding.model_copy(update={"param": names[0]}) if len(names) == 1 else binding
