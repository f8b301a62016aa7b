"""The canvas view: NodeGraphQt's NodeViewer that accepts a dragged wire only between ports of the same type.

`_validate_accept_connection` is a private NodeGraphQt hook (called while a pipe is dragged and on release);
it is overridden here and nowhere else, and covered by a test that drags a real incompatible pipe. A refused
wire says why, in a tooltip where the mouse is.
"""
from __future__ import annotations

from collections.abc import Callable

from NodeGraphQt.constants import PortTypeEnum
from NodeGraphQt.qgraphics.node_abstract import AbstractNodeItem
from NodeGraphQt.qgraphics.node_backdrop import BackdropNodeItem
from NodeGraphQt.qgraphics.pipe import PipeItem
from NodeGraphQt.widgets.viewer import NodeViewer
from PySide6 import QtCore, QtGui, QtWidgets

from nodes.ports import PortType

PALETTE_MIME = "application/x-designer-component"

PortTypeLookup = Callable[[str, str, bool], PortType | None]
CARRIES = {PortType.DATAFRAME: "a data set", PortType.UNTRAINED_MODEL: "an untrained learner",
           PortType.MODEL: "a trained model", PortType.TRANSFORMATION: "a transformation"}
TAKES = {PortType.DATAFRAME: "a data set", PortType.UNTRAINED_MODEL: "an untrained model",
         PortType.MODEL: "a Model", PortType.TRANSFORMATION: "a Transformation"}


def refusal(source_node: str, source_port: str, source: PortType, target_node: str, target_port: str,
            target: PortType) -> str:
    """Why a wire from an output of type `source` cannot end on an input of type `target`."""
    return f"{target_node}'s {target_port} takes {TAKES[target]}; {source_node}'s {source_port} is {CARRIES[source]}."


class TypedViewer(NodeViewer):
    """A NodeViewer with typed ports and drops from the palette.

    `port_type(node_type, port_name, is_input)` gives a port's data type (None for ports we do not type).
    """

    menu_requested = QtCore.Signal(object, QtCore.QPoint)
    """A context menu is asked for: the NodeGraphQt id of the node under the cursor (or None), global position."""

    def __init__(self, port_type: PortTypeLookup, undo_stack=None) -> None:
        super().__init__(undo_stack=undo_stack)
        self._port_type = port_type
        self.refused = ""  # why the last refused wire was refused

    def _validate_accept_connection(self, from_port, to_port) -> bool:
        if not super()._validate_accept_connection(from_port, to_port):
            return False
        if from_port.port_type == to_port.port_type:
            return True  # refused anyway by NodeGraphQt (input to input, output to output)
        if from_port.port_type == PortTypeEnum.IN.value:
            from_port, to_port = to_port, from_port
        source = self._port_type(from_port.node.type_, from_port.name, False)
        target = self._port_type(to_port.node.type_, to_port.name, True)
        if source is None or target is None or source is target:
            return True
        self.refused = refusal(from_port.node.name, from_port.name, source, to_port.node.name, to_port.name, target)
        QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), self.refused, self)
        return False

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
