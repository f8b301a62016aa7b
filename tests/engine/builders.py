"""Build small pipelines in tests without repeating edge plumbing."""
from __future__ import annotations

from engine.pipeline import Edge, Node, Pipeline

DATA = "x,y,label\n1,2.5,a\n2,3.5,b\n3,1.0,a\n4,0.5,b\n5,2.0,a\n6,4.0,b\n7,1.5,a\n8,3.0,b\n"


def node(component: str, **params) -> Node:
    return Node(component=component, params=params)


def wire(source: Node, source_port: str, target: Node, target_port: str) -> Edge:
    return Edge(source=source.id, source_port=source_port, target=target.id, target_port=target_port)


def data_node(data: str = DATA) -> Node:
    return node("enter_data_manually", Data=data)


def pipeline(*nodes: Node, edges: list[Edge] = (), **fields) -> Pipeline:
    return Pipeline(nodes=list(nodes), edges=list(edges), **fields)
