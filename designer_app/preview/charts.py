"""Small QPainter charts for Preview data and Evaluate Model: histogram, box plot, bar chart, line or point
curves, confusion matrix. They only draw the figures they are given."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from engine.preview import BoxPlot, Histogram

ACCENT = QColor("#0078d4")
SERIES = (QColor("#0078d4"), QColor("#d83b01"), QColor("#107c10"), QColor("#8764b8"))
TEXT = QColor("#323130")
MUTED = QColor("#605e5c")
GRID = QColor("#edebe9")
AXIS = QColor("#a19f9d")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if not math.isfinite(low) or not math.isfinite(high):
        return []
    if high <= low:
        return [low]
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step - 1e-9) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def short(value: float) -> str:
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-3):
        return f"{value:.2g}"
    return f"{value:.4g}"


class Chart(QWidget):
    """A titled plot area; subclasses draw inside `plot_rect`, using `to_x`/`to_y` for a numeric frame."""

    margins = (52, 28, 14, 34)  # left, top, right, bottom

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.x_label = self.y_label = ""
        self.x_range = self.y_range = (0.0, 1.0)
        self.setMinimumSize(220, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, 240)

    @property
    def plot_rect(self) -> QRectF:
        left, top, right, bottom = self.margins
        return QRectF(left, top, max(self.width() - left - right, 10), max(self.height() - top - bottom, 10))

    def to_x(self, value: float) -> float:
        low, high = self.x_range
        rect = self.plot_rect
        return rect.left() + (value - low) / ((high - low) or 1) * rect.width()

    def to_y(self, value: float) -> float:
        low, high = self.y_range
        rect = self.plot_rect
        return rect.bottom() - (value - low) / ((high - low) or 1) * rect.height()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT)
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        self.draw(painter)
        painter.end()

    def draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def draw_message(self, painter: QPainter, text: str) -> None:
        painter.setPen(MUTED)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)

    def draw_frame(self, painter: QPainter, x_ticks: bool = True, y_ticks: bool = True) -> None:
        """Grid lines, tick labels and axis titles of the numeric frame."""
        rect = self.plot_rect
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        if y_ticks:
            for tick in nice_ticks(*self.y_range):
                y = self.to_y(tick)
                painter.setPen(QPen(GRID, 1))
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                painter.setPen(MUTED)
                painter.drawText(QRectF(0, y - 8, rect.left() - 6, 16),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, short(tick))
        if x_ticks:
            for tick in nice_ticks(*self.x_range, count=max(2, min(6, int(rect.width() // 60)))):
                x = self.to_x(tick)
                painter.setPen(QPen(AXIS, 1))
                painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() + 4))
                painter.setPen(MUTED)
                painter.drawText(QRectF(x - 40, rect.bottom() + 4, 80, 14), Qt.AlignmentFlag.AlignHCenter,
                                 short(tick))
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.setPen(MUTED)
        if self.x_label:
            painter.drawText(QRectF(rect.left(), self.height() - 16, rect.width(), 14),
                             Qt.AlignmentFlag.AlignHCenter, self.x_label)
        if self.y_label:
            painter.save()
            painter.translate(10, rect.center().y())
            painter.rotate(-90)
            width = metrics.horizontalAdvance(self.y_label)
            painter.drawText(QRectF(-width / 2 - 4, -8, width + 8, 14), Qt.AlignmentFlag.AlignCenter, self.y_label)
            painter.restore()
        painter.setFont(self.font())


class HistogramChart(Chart):
    def __init__(self, title: str = "Histogram", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.histogram: Histogram | None = None
        self.y_label = "Count"

    def set_histogram(self, histogram: Histogram | None, x_label: str = "") -> None:
        self.histogram, self.x_label = histogram, x_label
        if histogram:
            self.x_range = (histogram.edges[0], histogram.edges[-1])
            self.y_range = (0.0, max(max(histogram.counts), 1) * 1.05)
        self.update()

    def draw(self, painter: QPainter) -> None:
        if not self.histogram:
            return self.draw_message(painter, "No numeric values")
        self.draw_frame(painter)
        edges, counts = self.histogram.edges, self.histogram.counts
        painter.setPen(QPen(Qt.GlobalColor.white, 1))
        painter.setBrush(ACCENT)
        for i, count in enumerate(counts):
            left, right = self.to_x(edges[i]), self.to_x(edges[i + 1])
            if right - left < 1:  # every value equal: one visible bar
                left, right = self.plot_rect.left(), self.plot_rect.right()
            painter.drawRect(QRectF(left, self.to_y(count), right - left, self.to_y(0) - self.to_y(count)))


class BoxPlotChart(Chart):
    """A horizontal box plot along the value axis."""

    def __init__(self, title: str = "Box plot", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.box: BoxPlot | None = None
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 140)

    def set_box(self, box: BoxPlot | None, x_label: str = "") -> None:
        self.box, self.x_label = box, x_label
        if box:
            values = [box.lower_whisker, box.upper_whisker, *box.outliers]
            low, high = min(values), max(values)
            pad = (high - low) * 0.05 or 1.0
            self.x_range = (low - pad, high + pad)
        self.update()

    def draw(self, painter: QPainter) -> None:
        box = self.box
        if not box:
            return self.draw_message(painter, "No numeric values")
        self.draw_frame(painter, y_ticks=False)
        rect = self.plot_rect
        middle, half = rect.center().y(), min(rect.height() / 3, 28)
        painter.setPen(QPen(TEXT, 1.2))
        for low, high in ((box.lower_whisker, box.lower_quartile), (box.upper_quartile, box.upper_whisker)):
            painter.drawLine(QPointF(self.to_x(low), middle), QPointF(self.to_x(high), middle))
        for whisker in (box.lower_whisker, box.upper_whisker):
            x = self.to_x(whisker)
            painter.drawLine(QPointF(x, middle - half / 2), QPointF(x, middle + half / 2))
        painter.setBrush(QColor(0, 120, 212, 60))
        painter.setPen(QPen(ACCENT, 1.5))
        left, right = self.to_x(box.lower_quartile), self.to_x(box.upper_quartile)
        painter.drawRect(QRectF(left, middle - half, max(right - left, 1), 2 * half))
        painter.setPen(QPen(ACCENT.darker(150), 2.5))
        x = self.to_x(box.median)
        painter.drawLine(QPointF(x, middle - half), QPointF(x, middle + half))
        painter.setPen(QPen(SERIES[1], 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for outlier in box.outliers:
            painter.drawEllipse(QPointF(self.to_x(outlier), middle), 3, 3)


class BarChart(Chart):
    """Horizontal bars, one per value, most frequent on top, each labelled with its count."""

    margins = (110, 28, 44, 12)

    def __init__(self, title: str = "Top values", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.bars: Sequence[tuple[str, int]] = ()

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self.bars = bars
        self.update()

    def draw(self, painter: QPainter) -> None:
        if not self.bars:
            return self.draw_message(painter, "No values")
        rect = self.plot_rect
        top = max(count for _, count in self.bars) or 1
        row = min(rect.height() / len(self.bars), 30)
        metrics = QFontMetrics(self.font())
        for i, (label, count) in enumerate(self.bars):
            y = rect.top() + i * row
            width = count / top * rect.width()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ACCENT)
            painter.drawRect(QRectF(rect.left(), y + row * 0.15, max(width, 1), row * 0.7))
            painter.setPen(TEXT)
            painter.drawText(QRectF(4, y, rect.left() - 10, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(rect.left() - 12)))
            painter.setPen(MUTED)
            painter.drawText(QRectF(rect.left() + width + 4, y, 60, row), Qt.AlignmentFlag.AlignVCenter, str(count))


@dataclass(frozen=True)
class Series:
    """One curve (or point cloud when `points`); `marker` highlights one (x, y), such as the threshold."""

    name: str
    x: np.ndarray
    y: np.ndarray
    color: QColor = field(default_factory=lambda: QColor(ACCENT))
    points: bool = False
    marker: tuple[float, float] | None = None


class LineChart(Chart):
    """Curves such as ROC, precision-recall and lift, or residual points; a dashed reference line optional."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.series: list[Series] = []
        self.reference: tuple[tuple[float, float], tuple[float, float]] | None = None

    def set_series(self, series: list[Series], x_label: str, y_label: str,
                   x_range: tuple[float, float] | None = None, y_range: tuple[float, float] | None = None,
                   reference: tuple[tuple[float, float], tuple[float, float]] | None = None) -> None:
        self.series, self.x_label, self.y_label, self.reference = series, x_label, y_label, reference
        self.x_range = x_range or self._span([s.x for s in series])
        self.y_range = y_range or self._span([s.y for s in series])
        self.update()

    @staticmethod
    def _span(arrays: list[np.ndarray]) -> tuple[float, float]:
        values = np.concatenate([a[np.isfinite(a)] for a in arrays]) if arrays else np.array([])
        if not len(values):
            return (0.0, 1.0)
        low, high = float(values.min()), float(values.max())
        pad = (high - low) * 0.05 or 1.0
        return (low - pad, high + pad)

    def draw(self, painter: QPainter) -> None:
        if not self.series:
            return self.draw_message(painter, "Nothing to plot")
        self.draw_frame(painter)
        painter.save()
        painter.setClipRect(self.plot_rect.adjusted(-4, -4, 4, 4))
        if self.reference:
            (x0, y0), (x1, y1) = self.reference
            painter.setPen(QPen(AXIS, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(self.to_x(x0), self.to_y(y0)), QPointF(self.to_x(x1), self.to_y(y1)))
        for series in self.series:
            self._draw_series(painter, series)
        painter.restore()
        self._draw_legend(painter)

    def _draw_series(self, painter: QPainter, series: Series) -> None:
        finite = np.isfinite(series.x) & np.isfinite(series.y)
        xs, ys = series.x[finite], series.y[finite]
        if series.points:
            color = QColor(series.color)
            color.setAlpha(140)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            for x, y in zip(xs, ys):
                painter.drawEllipse(QPointF(self.to_x(x), self.to_y(y)), 2.5, 2.5)
        elif len(xs):
            path = QPainterPath(QPointF(self.to_x(xs[0]), self.to_y(ys[0])))
            for x, y in zip(xs[1:], ys[1:]):
                path.lineTo(self.to_x(x), self.to_y(y))
            painter.setPen(QPen(series.color, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        if series.marker and all(math.isfinite(v) for v in series.marker):
            painter.setPen(QPen(Qt.GlobalColor.white, 2))
            painter.setBrush(series.color)
            painter.drawEllipse(QPointF(self.to_x(series.marker[0]), self.to_y(series.marker[1])), 5, 5)

    def _draw_legend(self, painter: QPainter) -> None:
        if len(self.series) < 2:
            return
        metrics = QFontMetrics(self.font())
        width = max(metrics.horizontalAdvance(s.name) for s in self.series) + 28
        rect = self.plot_rect
        x, y = rect.right() - width - 6, rect.bottom() - 8 - 18 * len(self.series)
        painter.setPen(QPen(GRID, 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(QRectF(x, y, width, 18 * len(self.series) + 6), 3, 3)
        for i, series in enumerate(self.series):
            row = y + 3 + 18 * i
            painter.setPen(QPen(series.color, 3))
            painter.drawLine(QPointF(x + 6, row + 9), QPointF(x + 20, row + 9))
            painter.setPen(TEXT)
            painter.drawText(QRectF(x + 24, row, width - 26, 18), Qt.AlignmentFlag.AlignVCenter, series.name)


class ConfusionMatrixChart(Chart):
    """Actual classes as rows, predicted as columns; cells shaded by their share of the actual class."""

    margins = (96, 62, 14, 10)

    def __init__(self, title: str = "Confusion matrix", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.matrix = np.zeros((0, 0), dtype=int)
        self.classes: list[str] = []

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 260)

    def set_matrix(self, matrix: np.ndarray, classes: Sequence[object]) -> None:
        self.matrix, self.classes = np.asarray(matrix), [str(c) for c in classes]
        self.update()

    def draw(self, painter: QPainter) -> None:
        if not self.classes:
            return self.draw_message(painter, "No predictions")
        rect, n = self.plot_rect, len(self.classes)
        cell = min(rect.width(), rect.height()) / n
        left, top = rect.left() + (rect.width() - cell * n) / 2, rect.top()
        painter.setPen(MUTED)
        painter.drawText(QRectF(left, top - 38, cell * n, 16), Qt.AlignmentFlag.AlignHCenter, "Predicted")
        painter.save()
        painter.translate(left - 84, top + cell * n / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-40, -8, 80, 16), Qt.AlignmentFlag.AlignCenter, "Actual")
        painter.restore()
        metrics = QFontMetrics(self.font())
        totals = self.matrix.sum(axis=1)
        for i, name in enumerate(self.classes):
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(cell) - 4)
            painter.setPen(TEXT)
            painter.drawText(QRectF(left + i * cell, top - 18, cell, 16), Qt.AlignmentFlag.AlignHCenter, label)
            painter.drawText(QRectF(left - 76, top + i * cell, 70, cell),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(name, Qt.TextElideMode.ElideRight, 70))
            for j in range(n):
                count = int(self.matrix[i, j])
                share = count / totals[i] if totals[i] else 0.0
                shade = QColor(ACCENT)
                shade.setAlphaF(0.08 + 0.85 * share)
                box = QRectF(left + j * cell, top + i * cell, cell, cell)
                painter.setPen(QPen(Qt.GlobalColor.white, 2))
                painter.setBrush(shade)
                painter.drawRect(box)
                painter.setPen(Qt.GlobalColor.white if share > 0.5 else TEXT)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{count}\n{share:.1%}")
