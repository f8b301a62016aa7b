"""Items drawn on a node's view and kept out of the model: validation marker, run status and comment text.

They are children of `node.view`, so they move with the node, never touch the undo stack and are never saved.
"""
from __future__ import annotations

from functools import cache

from PySide6 import QtCore, QtGui, QtWidgets

from designer_app import run_status

_FONT_SIZE = 8.0


@cache
def _font(bold: bool = False) -> QtGui.QFont:
    """Built once: these items are painted often."""
    font = QtGui.QFont()
    font.setPointSizeF(_FONT_SIZE)
    font.setBold(bold)
    return font


class ValidationBadge(QtWidgets.QGraphicsItem):
    """A red disc with the number of problems at the node's top-right corner; the messages as tooltip."""

    SIZE = 18.0

    def __init__(self, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self.count = 0
        self.setZValue(10)
        self.setAcceptHoverEvents(True)

    def show_problems(self, messages: list[str]) -> None:
        self.count = len(messages)
        self.setToolTip("\n".join(f"• {m}" for m in messages))
        self.setVisible(bool(messages))
        parent = self.parentItem().boundingRect()
        self.setPos(parent.right() - self.SIZE * 0.6, parent.top() - self.SIZE * 0.4)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(0, 0, self.SIZE, self.SIZE)

    def paint(self, painter: QtGui.QPainter, option, widget=None) -> None:
        painter.setRenderHint(QtGui.QPainter.Antialiasing)
        painter.setPen(QtGui.QPen(QtGui.QColor(255, 255, 255), 1.5))
        painter.setBrush(QtGui.QColor(209, 52, 56))
        painter.drawEllipse(self.boundingRect().adjusted(1, 1, -1, -1))
        painter.setFont(_font(bold=True))
        painter.drawText(self.boundingRect(), QtCore.Qt.AlignCenter, "!" if self.count == 1 else str(self.count))


class WarningBadge(ValidationBadge):
    """An amber triangle at the node's top-left corner: its step logged warnings (the messages as tooltip)."""

    def show_problems(self, messages: list[str]) -> None:
        super().show_problems(messages)
        parent = self.parentItem().boundingRect()
        self.setPos(parent.left() - self.SIZE * 0.4, parent.top() - self.SIZE * 0.4)

    def paint(self, painter: QtGui.QPainter, option, widget=None) -> None:
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        triangle = QtGui.QPolygonF([QtCore.QPointF(rect.center().x(), rect.top()), rect.bottomRight(),
                                    rect.bottomLeft()])
        painter.setRenderHint(QtGui.QPainter.Antialiasing)
        painter.setPen(QtGui.QPen(QtGui.QColor(255, 255, 255), 1.2))
        painter.setBrush(QtGui.QColor(255, 185, 0))
        painter.drawPolygon(triangle)
        painter.setPen(QtGui.QColor(50, 49, 48))
        painter.setFont(_font(bold=True))
        painter.drawText(rect.adjusted(0, 3, 0, 0), QtCore.Qt.AlignCenter, "!")


class StatusBadge(QtWidgets.QGraphicsItem):
    """A pill inside the node, under its name: status, progress bar and elapsed time of the node's step. Inside,
    so it never covers a neighbouring node, a port or a wire; the node makes room for it while it shows."""

    HEIGHT = 16.0

    def __init__(self, parent: QtWidgets.QGraphicsItem) -> None:
        super().__init__(parent)
        self.status, self.progress, self.elapsed = "Queued", None, None
        self._rect = QtCore.QRectF(0, 0, 0, self.HEIGHT)
        self.setZValue(10)
        self.setVisible(False)

    @property
    def text(self) -> str:
        parts = [run_status.LABELS.get(self.status, self.status)]
        if self.progress is not None and self.status == "Running":
            parts.append(f"{self.progress:.0%}")
        if self.elapsed is not None:
            parts.append(run_status.format_duration(self.elapsed))
        return " · ".join(parts)

    def set_status(self, status: str, progress: float | None, elapsed: float | None) -> None:
        self.prepareGeometryChange()
        self.status, self.progress, self.elapsed = status, progress, elapsed
        width = QtGui.QFontMetricsF(_font(bold=True)).horizontalAdvance(self.text) + 16.0
        self._rect = QtCore.QRectF(0, 0, width, self.HEIGHT)
        node = self.parentItem().boundingRect()
        self.setPos(node.center().x() - width / 2, node.bottom() - self.HEIGHT - 5.0)
        self.setToolTip(self.text)
        self.setVisible(True)
        self.update()

    def itemChange(self, change, value):  # noqa: N802 (Qt's name)
        if change == QtWidgets.QGraphicsItem.GraphicsItemChange.ItemVisibleHasChanged:
            self.parentItem().show_status_line(bool(value))
        return super().itemChange(change, value)

    def boundingRect(self) -> QtCore.QRectF:
        return self._rect

    def paint(self, painter: QtGui.QPainter, option, widget=None) -> None:
        rect = self.boundingRect()
        painter.setRenderHint(QtGui.QPainter.Antialiasing)
        painter.setPen(QtCore.Qt.NoPen)
        painter.setBrush(run_status.color(self.status))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        if self.progress is not None and self.status == "Running":
            bar = QtCore.QRectF(rect.left() + 6, rect.bottom() - 3, (rect.width() - 12) * max(0.0, min(1.0, self.progress)), 2)
            painter.setBrush(QtGui.QColor(255, 255, 255, 200))
            painter.drawRect(bar)
        painter.setPen(QtGui.QColor(255, 255, 255))
        painter.setFont(_font(bold=True))
        painter.drawText(rect, QtCore.Qt.AlignCenter, self.text)


class CommentText(QtWidgets.QGraphicsSimpleTextItem):
    """The node's comment, in italics beside the node (elided to one line; full text as tooltip)."""

    MAX_WIDTH = 260.0

    def __init__(self, parent: QtWidgets.QGraphicsItem, color: tuple[int, int, int]) -> None:
        super().__init__(parent)
        font = QtGui.QFont(_font())
        font.setItalic(True)
        self.setFont(font)
        self.setBrush(QtGui.QColor(*color))

    def show_comment(self, comment: str) -> None:
        metrics = QtGui.QFontMetricsF(self.font())
        first = comment.strip().splitlines()[0] if comment.strip() else ""
        self.setText(metrics.elidedText(first, QtCore.Qt.ElideRight, self.MAX_WIDTH))
        self.setToolTip(comment)
        self.setVisible(bool(first))
        self.setPos(self.parentItem().boundingRect().right() + 8.0, 26.0)

