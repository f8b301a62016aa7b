"""The pyqtgraph charts: drawn in the theme's colours, the value under the mouse said, and exported to PNG and
CSV with pyqtgraph's own exporters (what their context menu's Export… runs)."""
from __future__ import annotations

import csv

import numpy as np
import pyqtgraph.exporters as exporters
from PySide6 import QtGui, QtWidgets

from designer_app.preview.charts import BarChart, ConfusionMatrixChart, HistogramChart, LineChart, Series
from designer_app.theme import CHARTS, apply_theme
from engine.preview import Histogram


def test_charts_take_the_theme_colours(qtbot):
    app = QtWidgets.QApplication.instance()
    for theme in CHARTS:
        apply_theme(app, theme)
        chart = HistogramChart()
        qtbot.addWidget(chart)
        assert chart.backgroundBrush().color().name() == CHARTS[theme].background


def test_values_under_the_mouse(qtbot):
    histogram = HistogramChart()
    qtbot.addWidget(histogram)
    histogram.set_histogram(Histogram(edges=(0.0, 1.0, 2.0), counts=(3, 5)), "x")
    assert histogram.describe(1.5, 1.0) == "1 to 2: 5"
    assert histogram.describe(7.0, 1.0) is None
    bars = BarChart()
    qtbot.addWidget(bars)
    bars.set_bars([("a", 9), ("b", 4)])
    assert bars.describe(2.0, 1.1) == "b: 4"
    matrix = ConfusionMatrixChart()
    qtbot.addWidget(matrix)
    matrix.set_matrix(np.array([[5, 1], [2, 7]]), ["no", "yes"])
    assert matrix.describe(0.5, 1.5) == "actual yes, predicted no: 2"


def test_a_curve_exports_to_png_and_csv(qtbot, tmp_path):
    chart = LineChart("ROC curve")
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    x = np.linspace(0, 1, 11)
    chart.set_series([Series("model", x, np.sqrt(x))], "False positive rate", "True positive rate")
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.describe(0.31, 0.55) == "model: 0.3, 0.5477"
    assert chart.describe(0.9, 0.1) is None  # nothing near
    png, table = tmp_path / "roc.png", tmp_path / "roc.csv"
    exporters.ImageExporter(chart.getPlotItem()).export(str(png))
    exporters.CSVExporter(chart.getPlotItem()).export(str(table))
    assert not QtGui.QImage(str(png)).isNull()
    rows = list(csv.reader(table.open()))
    values = np.array([[float(v) for v in row[:2]] for row in rows[1:]])
    assert np.allclose(values, np.column_stack([x, np.sqrt(x)]))
