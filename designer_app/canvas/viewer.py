"""The canvas view: NodeGraphQt's NodeViewer that accepts a dragged wire only between ports of the same type.

`_validate_accept_connection` is a private NodeGraphQt hook (called while a pipe is dragged and on release);
it is overridden here and nowhere else, and covered by a test that drags a real incompatible pipe.
"""
from __future__ import annotations

from collections.abc import Callable

from NodeGraphQt.constants import PortTypeEnum
from NodeGraphQt.qgraphics.node_abstract import AbstractNodeItem
from NodeGraphQt.qgraphics.node_backdrop import BackdropNodeItem
from NodeGraphQt.qgraphics.pipe import PipeItem
from NodeGraphQt.widgets.viewer import NodeViewer
from PySide6 import QtCore

from nodes.ports import PortType

PALETTE_MIME = "application/x-designer-component"

PortTypeLookup = Callable[[str, str, bool], PortType | None]


class TypedViewer(NodeViewer):
    """A NodeViewer with typed ports and drops from the palette.

    `port_type(node_type, port_name, is_input)` gives a port's data type (None for ports we do not type).
    """

    menu_requested = QtCore.Signal(object, QtCore.QPoint)
    """A context menu is asked for: the NodeGraphQt id of the node under the cursor (or None), global position."""

    def __init__(self, port_type: PortTypeLookup, undo_stack=None) -> None:
        super().__init__(undo_stack=undo_stack)
        self._port_type = port_type

    def _validate_accept_connection(self, from_port, to_port) -> bool:
        if not super()._validate_accept_connection(from_port, to_port):
            return False
        if from_port.port_type == to_port.port_type:
            return True  # refused anyway by NodeGraphQt (input to input, output to output)
        source = self._port_type(from_port.node.type_, from_port.name, from_port.port_type == PortTypeEnum.IN.value)
        target = self._port_type(to_port.node.type_, to_port.name, to_port.port_type == PortTypeEnum.IN.value)
        return source is None or target is None or source is target

    def establish_connection(self, start_port, end_port) -> None:
        """Draw a wire in the colour of the data type it carries."""
        pipe = PipeItem()
        self.scene().addItem(pipe)
        pipe.set_connections(start_port, end_port)
        pipe.color = (*pipe.output_port.color[:3], 255)
        pipe.reset()
        pipe.draw_path(pipe.input_port, pipe.output_port)
        if start_port.node.selected or end_port.node.selected:
            pipe.highlight()
        if not start_port.node.visible or not end_port.node.visible:
            pipe.hide()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(PALETTE_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(PALETTE_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        pos = self.mapToScene(event.position().toPoint())
        event.setDropAction(QtCore.Qt.CopyAction)
        event.accept()
        self.data_dropped.emit(event.mimeData(), QtCore.QPoint(int(pos.x()), int(pos.y())))


    def contextMenuEvent(self, event) -> None:
        self.RMB_state = False
        items = self._items_near(self.mapToScene(event.pos()), AbstractNodeItem, 5, 5)
        nodes = [i for i in items if not isinstance(i, BackdropNodeItem)] or items
        self.menu_requested.emit(nodes[0].id if nodes else None, event.globalPos())
        event.accept()
