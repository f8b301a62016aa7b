"""NodeGraphQt node classes generated from the component specs, one per component.

Each node keeps what the engine's `Node` holds as NodeGraphQt properties, so edits go through the undo
stack: `uuid` (stable id, new on paste), `params` (only the values set, JSON-able), `comment`, `compute`
("" for the pipeline default), `regenerate` and `version`.
"""
from __future__ import annotations

from NodeGraphQt import BaseNode

from designer_app.canvas.node_item import ComponentNodeItem, paint_port
from designer_app.theme import CATEGORY_COLORS, PORT_COLORS
from nodes.component import Component
from nodes.ports import Port
from nodes.registry import Registry

IDENTIFIER = "designer"
FIELDS = ("uuid", "params", "comment", "compute", "regenerate", "version")


class ComponentNode(BaseNode):
    """Base of the generated classes; `COMPONENT` is the spec the class was built from."""

    __identifier__ = IDENTIFIER
    COMPONENT: Component

    def __init__(self) -> None:
        super().__init__(qgraphics_item=ComponentNodeItem)
        component = self.COMPONENT
        self.view.accent = CATEGORY_COLORS.get(component.category, (120, 120, 120))
        for port in component.inputs:
            added = self.add_input(port.name, multi_input=False, display_name=False, color=PORT_COLORS[port.type],
                                   painter_func=paint_port)
            added.view.setToolTip(_port_tip(port, "input"))
        for port in component.outputs:
            added = self.add_output(port.name, multi_output=True, display_name=False, color=PORT_COLORS[port.type],
                                    painter_func=paint_port)
            added.view.setToolTip(_port_tip(port, "output"))
        self.create_property("uuid", "")
        self.create_property("params", {})
        self.create_property("comment", "")
        self.create_property("compute", "")
        self.create_property("regenerate", False)
        self.create_property("version", component.version)


def _port_tip(port: Port, side: str) -> str:
    optional = ", optional" if port.optional else ""
    return f"{port.name}\n{side}: {port.type.value}{optional}"


def node_type(component_id: str) -> str:
    """The NodeGraphQt type string of a component's node class."""
    return f"{IDENTIFIER}.{class_name(component_id)}"


def class_name(component_id: str) -> str:
    return "C_" + "".join(ch if ch.isalnum() else "_" for ch in component_id)


def node_classes(registry: Registry) -> dict[str, type[ComponentNode]]:
    """One ComponentNode subclass per component, keyed by component id."""
    return {c.id: type(class_name(c.id), (ComponentNode,), {"COMPONENT": c, "NODE_NAME": c.name})
            for c in registry}
