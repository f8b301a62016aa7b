"""Step fingerprints: a hash of the component, its version, parameters, inputs' fingerprints and source data."""
from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.metadata import version
from typing import Any

from engine.graph import topological_order
from engine.pipeline import Pipeline
from engine.versions import current_params
from nodes.columns import ColumnSelection
from nodes.component import Component, UnknownVersion
from nodes.context import DatasetCatalog, DesignContext
from nodes.errors import ComponentError
from nodes.params import Params
from nodes.registry import Registry

ARTIFACT_FORMAT = 2  # bumped when the classes inside pickled outputs move: older outputs are then recomputed


@cache
def library_versions() -> dict[str, str]:
    """The installed versions of the libraries that compute step outputs (read without importing them)."""
    return {name: version(name) for name in ("numpy", "pandas", "scikit-learn")}


def _plain(value: Any) -> Any:
    return value.to_dict() if isinstance(value, ColumnSelection) else value


def step_fingerprint(component_id: str, version: str, params: dict[str, Any], inputs: dict[str, str],
                     content_key: str | None) -> str:
    """`inputs` maps each input port to the fingerprint of the output feeding it."""
    document = {"format": ARTIFACT_FORMAT, "component": component_id, "version": version,
                "params": {k: _plain(v) for k, v in sorted(params.items())},
                "inputs": dict(sorted(inputs.items())), "content": content_key, "libraries": library_versions()}
    return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()


def output_fingerprint(step: str, port: str) -> str:
    return hashlib.sha256(f"{step}\0{port}".encode()).hexdigest()


def node_fingerprint(component: Component, params: Params, inputs: dict[str, str], ctx: DesignContext) -> str:
    """A step's fingerprint; a source's content key (a data set's hash) may raise ComponentError."""
    content = component.content_key(ctx, params) if component.content_key else None
    return step_fingerprint(component.id, component.version, params.values, inputs, content)


def pipeline_fingerprints(pipeline: Pipeline, registry: Registry, catalog: DatasetCatalog) -> dict[str, str]:
    """Each node's fingerprint as a run would compute it now; a node that could not run (unknown component,
    bad parameter, missing input) is left out, and so is everything downstream of it."""
    ctx, found = DesignContext(catalog), {}
    for node_id in topological_order(pipeline):
        node = pipeline.node(node_id)
        if node.component not in registry:
            continue
        component = registry[node.component]
        try:
            params, problems = component.resolve_params(current_params(node, component))
        except UnknownVersion:
            continue
        incoming = pipeline.incoming(node_id)
        if problems or any(e.source not in found for e in incoming):
            continue
        inputs = {e.target_port: output_fingerprint(found[e.source], e.source_port) for e in incoming}
        try:
            found[node_id] = node_fingerprint(component, params, inputs, ctx)
        except ComponentError:
            continue
    return found
