"""Graph order of a pipeline: topological sort and cycle detection over node UUIDs."""
from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from engine.pipeline import Pipeline


def dependencies(pipeline: Pipeline) -> dict[str, set[str]]:
    """Each node's upstream nodes (edges to unknown nodes are left out; validation reports them)."""
    ids = {n.id for n in pipeline.nodes}
    deps: dict[str, set[str]] = {n.id: set() for n in pipeline.nodes}
    for edge in pipeline.edges:
        if edge.source in ids and edge.target in ids:
            deps[edge.target].add(edge.source)
    return deps


def topological_order(pipeline: Pipeline) -> list[str]:
    """Node UUIDs, upstream first; raises CycleError naming the nodes on a cycle."""
    return list(TopologicalSorter(dependencies(pipeline)).static_order())


def find_cycle(pipeline: Pipeline) -> list[str] | None:
    try:
        topological_order(pipeline)
    except CycleError as error:
        return list(error.args[1])
    return None


def downstream(pipeline: Pipeline, node_id: str) -> set[str]:
    """Every node fed, directly or not, by `node_id`."""
    children: dict[str, set[str]] = {}
    for edge in pipeline.edges:
        children.setdefault(edge.source, set()).add(edge.target)
    seen: set[str] = set()
    stack = [node_id]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def upstream(pipeline: Pipeline, node_ids: set[str], stops: set[str] = frozenset()) -> set[str]:
    """`node_ids` and every node feeding them, not looking past the `stops`."""
    parents: dict[str, set[str]] = {}
    for edge in pipeline.edges:
        parents.setdefault(edge.target, set()).add(edge.source)
    seen, stack = set(node_ids), list(node_ids)
    while stack:
        node_id = stack.pop()
        for parent in () if node_id in stops else parents.get(node_id, ()):
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen
