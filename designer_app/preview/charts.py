"""The charts of Preview data and Evaluate Model, drawn by pyqtgraph in the theme's colours: histogram, box plot,
bar chart, line or point curves, confusion matrix. Each zooms and pans with the mouse, shows the value under
the mouse, and exports to PNG or CSV from its context menu (Export…). They only draw the figures they are given."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from designer_app.theme import ChartColors, chart_colors
from engine.preview import BoxPlot, Histogram

ACCENT = QColor("#0078d4")
SERIES = (QColor("#0078d4"), QColor("#d83b01"), QColor("#107c10"), QColor("#8764b8"))


def short(value: float) -> str:
    if value != 0 and (abs(value) >= 1e5 or abs(value) < 1e-3):
        return f"{value:.2g}"
    return f"{value:.4g}"


class Chart(pg.PlotWidget):
    """A titled plot in the theme's colours; subclasses say what is under the mouse with `describe(x, y)`."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        self.colors: ChartColors = chart_colors()
        super().__init__(parent=parent, background=self.colors.background)
        self.title = title
        self.setTitle(title, color=self.colors.text, size="10pt")
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen(self.colors.axis))
            axis.setTextPen(pg.mkPen(self.colors.muted))
        self.showGrid(x=True, y=True, alpha=0.25)
        self.setMinimumSize(220, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.readout = pg.TextItem(color=self.colors.text, fill=pg.mkBrush(self.colors.background), anchor=(0, 1))
        self.readout.setZValue(20)
        self.message = pg.TextItem(color=self.colors.muted, anchor=(0.5, 0.5))
        self.scene().sigMouseMoved.connect(self._hovered)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, 240)

    def reset(self, x_label: str = "", y_label: str = "") -> None:
        """Remove what was drawn and label the axes."""
        self.clear()
        self.setLabel("bottom", x_label, color=self.colors.muted)
        self.setLabel("left", y_label, color=self.colors.muted)
        self.addItem(self.readout, ignoreBounds=True)
        self.readout.setText("")

    def show_message(self, text: str) -> None:
        """Nothing to draw: say why, in the middle of the plot."""
        self.reset()
        self.message.setText(text)
        self.addItem(self.message)
        self.message.setPos(0.5, 0.5)
        self.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)

    def describe(self, x: float, y: float) -> str | None:
        """What the point (x, y) of the plot shows, or None."""
        return None

    def _hovered(self, position: QPointF) -> None:
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(position):
            self.readout.setText("")
            return
        point = view.mapSceneToView(position)
        text = self.describe(point.x(), point.y())
        self.readout.setText(text or "")
        self.readout.setPos(point)


class HistogramChart(Chart):
    def __init__(self, title: str = "Histogram", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.histogram: Histogram | None = None

    def set_histogram(self, histogram: Histogram | None, x_label: str = "") -> None:
        self.histogram = histogram
        if not histogram:
            return self.show_message("No numeric values")
        self.reset(x_label, "Count")
        edges = np.asarray(histogram.edges, dtype=float)
        if edges[-1] == edges[0]:  # every value equal: one visible bar
            edges = edges[0] + np.linspace(-0.5, 0.5, len(edges))
        self.addItem(pg.BarGraphItem(x0=edges[:-1], x1=edges[1:], height=histogram.counts, brush=ACCENT,
                                     pen=pg.mkPen(self.colors.background)))
        self.autoRange()

    def describe(self, x: float, y: float) -> str | None:
        edges = self.histogram.edges if self.histogram else ()
        index = int(np.searchsorted(edges, x, side="right")) - 1
        if 0 <= index < len(edges) - 1:
            return f"{short(edges[index])} to {short(edges[index + 1])}: {self.histogram.counts[index]}"
        return None


class BoxPlotChart(Chart):
    """A horizontal box plot along the value axis."""

    def __init__(self, title: str = "Box plot", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.box: BoxPlot | None = None
        self.setMinimumHeight(120)
        self.getAxis("left").setTicks([[]])

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 140)

    def set_box(self, box: BoxPlot | None, x_label: str = "") -> None:
        self.box = box
        if not box:
            return self.show_message("No numeric values")
        self.reset(x_label)
        line = pg.mkPen(self.colors.text, width=1.2)
        for low, high in ((box.lower_whisker, box.lower_quartile), (box.upper_quartile, box.upper_whisker)):
            self.plot([low, high], [0, 0], pen=line)
        for whisker in (box.lower_whisker, box.upper_whisker):
            self.plot([whisker, whisker], [-0.2, 0.2], pen=line)
        fill = QColor(ACCENT)
        fill.setAlpha(70)
        self.addItem(pg.BarGraphItem(x0=[box.lower_quartile], x1=[box.upper_quartile], y=[0], height=0.6,
                                     brush=fill, pen=pg.mkPen(ACCENT, width=1.5)))
        self.plot([box.median, box.median], [-0.3, 0.3], pen=pg.mkPen(ACCENT.darker(150), width=2.5))
        if box.outliers:
            self.plot(list(box.outliers), [0] * len(box.outliers), pen=None, symbol="o", symbolSize=6,
                      symbolBrush=None, symbolPen=pg.mkPen(SERIES[1]))
        self.setYRange(-1, 1)
        self.enableAutoRange(axis="x")

    def describe(self, x: float, y: float) -> str | None:
        box = self.box
        if not box:
            return None
        return (f"median {short(box.median)}, quartiles {short(box.lower_quartile)} to "
                f"{short(box.upper_quartile)}, whiskers {short(box.lower_whisker)} to {short(box.upper_whisker)}")


class BarChart(Chart):
    """Horizontal bars, one per value, most frequent on top."""

    def __init__(self, title: str = "Top values", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.bars: Sequence[tuple[str, int]] = ()
        self.getPlotItem().invertY(True)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self.bars = bars
        if not bars:
            return self.show_message("No values")
        self.reset("Count")
        self.addItem(pg.BarGraphItem(x0=0, y=np.arange(len(bars)), height=0.7, width=[c for _, c in bars],
                                     brush=ACCENT, pen=pg.mkPen(None)))
        self.getAxis("left").setTicks([[(i, label[:18]) for i, (label, _) in enumerate(bars)]])
        self.autoRange()

    def describe(self, x: float, y: float) -> str | None:
        index = int(round(y))
        if 0 <= index < len(self.bars):
            label, count = self.bars[index]
            return f"{label}: {count}"
        return None


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

    def set_series(self, series: list[Series], x_label: str, y_label: str,
                   x_range: tuple[float, float] | None = None, y_range: tuple[float, float] | None = None,
                   reference: tuple[tuple[float, float], tuple[float, float]] | None = None) -> None:
        self.series = series
        if not series:
            return self.show_message("Nothing to plot")
        self.reset(x_label, y_label)
        if len(series) > 1:
            legend = self.addLegend(offset=(-10, -10), labelTextColor=self.colors.text,
                                    brush=pg.mkBrush(self.colors.background))
            legend.setZValue(10)
        if reference:
            (x0, y0), (x1, y1) = reference
            self.plot([x0, x1], [y0, y1], pen=pg.mkPen(self.colors.axis, style=Qt.PenStyle.DashLine))
        for one in series:
            finite = np.isfinite(one.x) & np.isfinite(one.y)
            if one.points:
                dots = QColor(one.color)
                dots.setAlpha(140)
                self.plot(one.x[finite], one.y[finite], pen=None, symbol="o", symbolSize=5, symbolPen=None,
                          symbolBrush=dots, name=one.name)
            else:
                self.plot(one.x[finite], one.y[finite], pen=pg.mkPen(one.color, width=2), name=one.name)
            if one.marker and all(np.isfinite(one.marker)):
                self.plot([one.marker[0]], [one.marker[1]], pen=None, symbol="o", symbolSize=10,
                          symbolBrush=one.color, symbolPen=pg.mkPen("w", width=2))
        if x_range:
            self.setXRange(*x_range, padding=0.02)
        if y_range:
            self.setYRange(*y_range, padding=0.02)

    def describe(self, x: float, y: float) -> str | None:
        """The nearest plotted point, in screen distance."""
        view = self.getPlotItem().vb
        width, height = view.viewRange()[0][1] - view.viewRange()[0][0], view.viewRange()[1][1] - view.viewRange()[1][0]
        best, text = 0.03 ** 2, None
        for one in self.series:
            if not len(one.x):
                continue
            distance = ((one.x - x) / (width or 1)) ** 2 + ((one.y - y) / (height or 1)) ** 2
            index = int(np.nanargmin(distance)) if np.isfinite(distance).any() else -1
            if index >= 0 and distance[index] < best:
                best, text = distance[index], f"{one.name}: {short(one.x[index])}, {short(one.y[index])}"
        return text


class ConfusionMatrixChart(Chart):
    """Actual classes as rows, predicted as columns; cells shaded by their share of the actual class."""

    def __init__(self, title: str = "Confusion matrix", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.matrix = np.zeros((0, 0), dtype=int)
        self.classes: list[str] = []
        self.getPlotItem().invertY(True)
        self.getPlotItem().setAspectLocked(True)
        self.showGrid(x=False, y=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 260)

    def set_matrix(self, matrix: np.ndarray, classes: Sequence[object]) -> None:
        self.matrix, self.classes = np.asarray(matrix), [str(c) for c in classes]
        if not self.classes:
            return self.show_message("No predictions")
        self.reset("Predicted", "Actual")
        totals = self.matrix.sum(axis=1, keepdims=True)
        shares = np.divide(self.matrix, totals, out=np.zeros(self.matrix.shape), where=totals > 0)
        image = pg.ImageItem(shares.T, levels=(0, 1))
        image.setColorMap(pg.ColorMap([0.0, 1.0], [QColor(ACCENT.red(), ACCENT.green(), ACCENT.blue(), 25), ACCENT]))
        image.setTransform(QTransform())  # one unit per cell, cell (i, j) at x = j, y = i
        self.addItem(image)
        font = QFont()
        font.setPointSizeF(9)
        for i in range(len(self.classes)):
            for j in range(len(self.classes)):
                color = "w" if shares[i, j] > 0.5 else self.colors.text
                cell = pg.TextItem(f"{int(self.matrix[i, j])}\n{shares[i, j]:.1%}", color=color, anchor=(0.5, 0.5))
                cell.setFont(font)
                cell.setPos(j + 0.5, i + 0.5)
                self.addItem(cell)
        ticks = [[(k + 0.5, name[:14]) for k, name in enumerate(self.classes)]]
        self.getAxis("bottom").setTicks(ticks)
        self.getAxis("left").setTicks(ticks)
        self.setRange(QRectF(0, 0, len(self.classes), len(self.classes)), padding=0.02)

    def describe(self, x: float, y: float) -> str | None:
        i, j = int(np.floor(y)), int(np.floor(x))
        if 0 <= i < len(self.classes) and 0 <= j < len(self.classes):
            return f"actual {self.classes[i]}, predicted {self.classes[j]}: {int(self.matrix[i, j])}"
        return None

