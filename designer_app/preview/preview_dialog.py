"""Preview data of one output port: row and column counts, the first 100 x 100 cells, and the selected
column's statistics and visualizations. The output is read and each column summarised off the GUI thread, so
the window opens at once however big the data; past `SAMPLE_ROWS` rows the statistics are computed on a sample
and say so."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from designer_app.background import BackgroundCall
from designer_app.preview.charts import BarChart, BoxPlotChart, HistogramChart
from designer_app.preview.table_model import FrameModel
from engine.engine import Engine
from engine.preview import PREVIEW_COLUMNS, PREVIEW_ROWS, SAMPLE_ROWS, ColumnSummary, summarize
from nodes.table import Table

MAX_COLUMN_WIDTH = 220
SIZED_BY_ROWS = 20  # columns are sized to fit their name and their first 20 values (all 100 took ~0.15 s)


def count_label(caption: str, value: int) -> QLabel:
    label = QLabel(f"<span style='color:#8a9099'>{caption}</span><br>"
                   f"<span style='font-size:18px; font-weight:600'>{value:,}</span>")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def figure(value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value:,}" if isinstance(value, int) else f"{value:.6g}"


class ColumnPanel(QWidget):
    """Statistics and visualizations of one column, drawn from an engine.preview summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.feature_type = QLabel()
        self.feature_type.setObjectName("hint")
        self.approximate = QLabel(objectName="hint", wordWrap=True)
        self.values: dict[str, QLabel] = {}
        self.form = form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for caption in ("Mean", "Median", "Min", "Max", "Standard Deviation", "Unique Values", "Missing Values"):
            self.values[caption] = QLabel(alignment=Qt.AlignmentFlag.AlignRight)
            form.addRow(caption, self.values[caption])
        self.histogram = HistogramChart()
        self.box = BoxPlotChart()
        self.bars = BarChart()
        statistics = QLabel("Statistics")
        visualizations = QLabel("Visualizations")
        for heading in (statistics, visualizations):
            heading.setStyleSheet("font-weight: 600; margin-top: 8px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.feature_type)
        layout.addWidget(statistics)
        layout.addWidget(self.approximate)
        layout.addLayout(form)
        layout.addWidget(visualizations)
        for chart in (self.histogram, self.box, self.bars):
            layout.addWidget(chart)
        layout.addStretch()

    def show_summary(self, summary: ColumnSummary) -> None:
        self.name.setText(summary.name)
        self.feature_type.setText(summary.feature_type)
        self.approximate.setText(f"Approximate: computed on a random sample of {summary.sampled:,} of the "
                                 f"{summary.count:,} rows (the row and missing counts are exact)."
                                 if summary.sampled else "")
        self.approximate.setVisible(bool(summary.sampled))
        for caption, value in summary.statistics():
            self.values[caption].setText(figure(value))
            self.form.setRowVisible(self.values[caption], value is not None)
        self.histogram.setVisible(summary.numeric)
        self.box.setVisible(summary.numeric)
        self.bars.setVisible(not summary.numeric)
        if summary.numeric:
            self.histogram.set_histogram(summary.histogram, summary.name)
            self.box.set_box(summary.box, summary.name)
        else:
            self.bars.set_bars(summary.top_values)


class PreviewDialog(QDialog):
    """Reads the port's value through engine.output off the GUI thread; non-table outputs (models) get a short
    note. Emits `summarized(summary)` each time a column's statistics are in."""

    summarized = Signal(object)

    def __init__(self, engine: Engine, job_id: str, node_id: str, port: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        step = engine.workspace.jobs.get(job_id).step(node_id)
        self.setWindowTitle(f"{step.name} › {port}")
        self.resize(1100, 680)
        self.port, self.table, self.summary, self.view = port, None, None, None
        self.layout_ = QVBoxLayout(self)
        title = QLabel(f"{step.name} › {port}")
        title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.layout_.addWidget(title)
        self.status = QLabel("Reading the output…", objectName="hint")
        self.layout_.addWidget(self.status)
        self.layout_.addStretch(1)
        self._calls: set[BackgroundCall] = set()
        self._in_background(lambda: engine.output(job_id, node_id, port), self._loaded)

    def _in_background(self, function, done) -> None:
        """Run `function` on the thread pool; `done` (a method, so a closed window gets nothing) takes its result."""
        call = BackgroundCall(function)  # parentless: it outlives a window closed meanwhile
        call.succeeded.connect(done)
        call.failed.connect(self._failed)
        for outcome in (call.succeeded, call.failed):
            outcome.connect(lambda _result, c=call: self._calls.discard(c))
        self._calls.add(call)
        call.start()

    def _failed(self, error: Exception) -> None:
        self.status.setText(f"Could not read this output: {error}")
        self.status.show()

    def _loaded(self, value: object) -> None:
        layout = self.layout_
        layout.takeAt(layout.count() - 1)  # the stretch under the status line
        if not isinstance(value, Table):
            self.status.setText(f'"{self.port}" holds a {type(value).__name__}, not a data set; '
                                "only data sets can be previewed.")
            return
        self.status.hide()
        self.table = value
        rows, columns = value.frame.shape
        counts = QHBoxLayout()
        self.counts = (count_label("rows", rows), count_label("columns", columns))
        counts.addWidget(self.counts[0])
        counts.addSpacing(24)
        counts.addWidget(self.counts[1])
        counts.addStretch()
        if rows > PREVIEW_ROWS or columns > PREVIEW_COLUMNS:
            note = QLabel(f"Showing the first {min(rows, PREVIEW_ROWS)} rows and {min(columns, PREVIEW_COLUMNS)} "
                          "columns; statistics cover all rows" + (" (or a large sample of them)."
                                                                  if rows > SAMPLE_ROWS else "."))
            note.setObjectName("hint")
            counts.addWidget(note)
        layout.addLayout(counts)

        self.model = FrameModel(value.frame, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setHighlightSections(True)
        self.view.horizontalHeader().setMaximumSectionSize(MAX_COLUMN_WIDTH)
        self.view.horizontalHeader().setResizeContentsPrecision(SIZED_BY_ROWS)
        self.view.resizeColumnsToContents()  # at most 100 x 100 cells: full column names where they fit
        self.view.selectionModel().currentColumnChanged.connect(self._on_column)
        self.column = ColumnPanel()
        side = QScrollArea()
        side.setWidget(self.column)
        side.setWidgetResizable(True)
        side.setMinimumWidth(380)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([680, 400])
        layout.addWidget(splitter, 1)
        if columns:
            self.select_column(0)

    def select_column(self, column: int) -> None:
        self.view.selectColumn(column)
        self.view.setCurrentIndex(self.model.index(0, column))
        self._show(column)

    def _on_column(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._show(current.column())

    def _show(self, column: int) -> None:
        name, table = str(self.model.frame.columns[column]), self.table
        self._in_background(lambda: summarize(table, name, SAMPLE_ROWS), self._summarized)

    def _summarized(self, summary: ColumnSummary) -> None:
        if summary.name != str(self.model.frame.columns[self.view.currentIndex().column()]):
            return  # another column was selected meanwhile: its summary is coming
        self.summary = summary
        self.column.show_summary(summary)
        self.summarized.emit(summary)
