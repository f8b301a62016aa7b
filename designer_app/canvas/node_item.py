"""How a component looks on the canvas: a rounded box, a category accent, the name inside, ports top and bottom."""
from __future__ import annotations

from NodeGraphQt.constants import NodeEnum
from NodeGraphQt.qgraphics.node_base import NodeItem
from PySide6 import QtCore, QtGui

MIN_WIDTH, HEIGHT, ACCENT_WIDTH, PADDING = 180.0, 48.0, 5.0, 18.0
PROXY_BELOW = 36.0  # screen pixels of node width under which NodeGraphQt draws a bare box without the name
STATUS_LINE = 9.0  # the name moves up this much while a run status shows under it


class ComponentNodeItem(NodeItem):
    """A NodeGraphQt node item drawn like the Azure designer's component boxes (top-to-bottom layout)."""

    accent: tuple[int, int, int] = (120, 120, 120)
    status_line = False

    def __init__(self, name: str = "node", parent=None) -> None:
        super().__init__(name, parent)
        self._icon_item.setVisible(False)
        self._text_item.set_locked(True)  # names are the component's, not editable
        self._proxy_mode_threshold = PROXY_BELOW

    def post_init(self, viewer, pos=None) -> None:
        font = QtGui.QFont()
        font.setPointSizeF(10.0)
        self.text_item.setFont(font)
        for text_item in (*self._input_items.values(), *self._output_items.values()):
            text_item.setVisible(False)
        super().post_init(viewer, pos)

    def _calc_size_vertical(self) -> tuple[float, float]:
        ports = max(len(self.inputs), len(self.outputs))
        width = max(MIN_WIDTH, self._text_item.boundingRect().width() + 2 * PADDING + ACCENT_WIDTH, ports * 48.0)
        return width, HEIGHT

    def _set_base_size(self, add_w: float = 0.0, add_h: float = 0.0) -> None:
        self._width, self._height = self.calc_size(add_w, add_h)

    def show_status_line(self, shown: bool) -> None:
        """Make room under the name for the run status badge (or take it back)."""
        self.status_line = shown
        self._align_label_vertical(0.0, 0.0)

    def _align_label_vertical(self, h_offset: float, v_offset: float) -> None:
        text = self._text_item.boundingRect()
        rect = self.boundingRect()
        self._text_item.setPos(rect.center().x() - text.width() / 2 + ACCENT_WIDTH / 2,
                               rect.center().y() - text.height() / 2 - (STATUS_LINE if self.status_line else 0.0))

    def _align_icon_vertical(self, h_offset: float, v_offset: float) -> None:
        """The node icon is hidden."""

    def _paint_vertical(self, painter: QtGui.QPainter, option, widget) -> None:
        painter.save()
        rect = self.boundingRect().adjusted(1.0, 1.0, -1.0, -1.0)
        radius = 6.0
        path = QtGui.QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        painter.setPen(QtCore.Qt.NoPen)
        painter.fillPath(path, QtGui.QColor(*self.color[:3]))
        painter.setClipPath(path)
        painter.fillRect(QtCore.QRectF(rect.left(), rect.top(), ACCENT_WIDTH, rect.height()),
                         QtGui.QColor(*self.accent))
        painter.setClipping(False)
        if self.selected:
            pen = QtGui.QPen(QtGui.QColor(*NodeEnum.SELECTED_BORDER_COLOR.value[:3]), 2.0)
        else:
            pen = QtGui.QPen(QtGui.QColor(*self.border_color[:3]), 1.0)
        painter.setPen(pen)
        painter.setBrush(QtCore.Qt.NoBrush)
        painter.drawPath(path)
        painter.restore()


def paint_port(painter: QtGui.QPainter, rect: QtCore.QRectF, info: dict) -> None:
    """A port in its data type's colour: a ring when free, a filled disc when wired, larger when hovered."""
    color = QtGui.QColor(*info["color"][:3])
    painter.save()
    painter.setRenderHint(QtGui.QPainter.Antialiasing)
    if info["hovered"]:
        rect = rect.adjusted(-2.0, -2.0, 2.0, 2.0)
    painter.setPen(QtGui.QPen(color.lighter(130) if info["hovered"] else color, 2.0))
    painter.setBrush(color if info["connected"] or info["hovered"] else QtGui.QColor(30, 31, 34))
    painter.drawEllipse(rect.adjusted(1.5, 1.5, -1.5, -1.5))
    painter.restore()
