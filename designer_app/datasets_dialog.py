"""Data sets: register a CSV, TSV or Parquet file (a new name or a new version), browse and delete them."""
from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer_app.background import BackgroundCall
from designer_app.preview.table_model import FrameModel
from designer_app.run_status import format_time
from engine.dataset_import import read_source
from engine.datasets import DatasetError, DatasetInfo
from engine.samples import SAMPLE_DATASETS
from engine.workspace import Workspace
from nodes.errors import Cancelled
from nodes.read_options import ReadError, ReadOptions, parse_delimiter, parse_markers
from nodes.table import TableSchema

PREVIEW_ROWS = 1000  # what the register page reads of a file before Register
PROGRESS_STEPS = 1000  # the progress bar's range (bytes would overflow a Qt int)
FILE_FILTER = "Data files (*.csv *.tsv *.parquet);;All files (*)"
ERROR_STYLE = "background: #fde7e9; color: #a4262c; border: 1px solid #f1bbbc; border-radius: 3px; padding: 6px;"


def schema_tree(schema: TableSchema | None = None) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(("Column", "Type", "Categorical", "Role"))
    tree.setRootIsDecorated(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    if schema:
        fill_schema(tree, schema)
    return tree


def fill_schema(tree: QTreeWidget, schema: TableSchema) -> None:
    tree.clear()
    for column in schema.columns:
        tree.addTopLevelItem(QTreeWidgetItem([column.name, column.type.value, "Yes" if column.categorical else "",
                                              column.role.value]))


def preview_tabs(model: FrameModel, schema: QTreeWidget) -> QTabWidget:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    model.modelReset.connect(view.resizeColumnsToContents)  # whole column names, where they fit
    tabs = QTabWidget()
    tabs.addTab(view, "Preview")
    tabs.addTab(schema, "Schema")
    return tabs


def origin(info: DatasetInfo) -> str:
    """Where a data set came from, as its user knows it: a shipped sample, or the file it was registered from."""
    if info.name in SAMPLE_DATASETS:
        return "A sample data set shipped with Designer (origin and licence: resources/datasets/README.md)"
    return f"Registered from {info.source_path}"


def banner() -> QLabel:
    label = QLabel(wordWrap=True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class ReadingOptions(QGroupBox):
    """How to read a text file: delimiter, header row, encoding and missing-value markers (blank: found out, as
    `designer datasets register` does); emits `changed` after an edit."""

    changed = Signal()

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__("Reading", parent)
        self.delimiter = QComboBox(editable=True)
        self.delimiter.addItems(["", "comma", "semicolon", "tab", "pipe", "space"])
        self.delimiter.lineEdit().setPlaceholderText("Found from the header line")
        self.header = QCheckBox("The first row holds the column names", checked=True)
        self.encoding = QComboBox(editable=True)
        self.encoding.addItems(["", "utf-8", "latin-1", "cp1252", "utf-16"])
        self.encoding.lineEdit().setPlaceholderText("UTF-8, else Latin-1")
        self.missing = QLineEdit(placeholderText='Values read as missing, e.g. "?, -" (blank, NA, NaN are anyway)')
        form = QFormLayout(self)
        form.addRow("Delimiter", self.delimiter)
        form.addRow("Header", self.header)
        form.addRow("Encoding", self.encoding)
        form.addRow("Missing values", self.missing)
        self.applies = path.suffix.lower() != ".parquet"  # a Parquet file says how to read it
        self.setEnabled(self.applies)
        for box in (self.delimiter, self.encoding):
            box.currentTextChanged.connect(self.changed)
        self.header.toggled.connect(self.changed)
        self.missing.editingFinished.connect(self.changed)

    def options(self) -> ReadOptions:
        return ReadOptions(parse_delimiter(self.delimiter.currentText()), self.header.isChecked(),
                           self.encoding.currentText().strip() or None, parse_markers(self.missing.text()))


class RegisterDatasetDialog(QDialog):
    """Shows the file's first rows and their inferred schema before it is registered; `.info` is the new version.
    Register reads the file off the GUI thread with a progress bar; Cancel (or Esc) then stops it, leaving nothing
    registered."""

    progressed = Signal(int)  # PROGRESS_STEPS-ths of the file read, from the registering thread

    def __init__(self, workspace: Workspace, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.path = workspace, Path(path)
        self.info: DatasetInfo | None = None
        self.running: BackgroundCall | None = None
        self.cancelling = threading.Event()
        self.setWindowTitle("Create data asset from local file")
        self.resize(760, 520)
        self.name = QComboBox(editable=True)
        self.name.addItems(workspace.datasets.names())
        self.name.setCurrentText(self.path.stem.replace("_", " "))
        self.name.currentTextChanged.connect(self._describe_version)
        self.description = QLineEdit()
        self.description.setPlaceholderText("Optional")
        self.version = QLabel()
        self.version.setObjectName("hint")
        form = QFormLayout()
        form.addRow("File", QLabel(str(self.path)))
        form.addRow("Name", self.name)
        form.addRow("", self.version)
        form.addRow("Description", self.description)
        self.error = banner()
        self.progress = QProgressBar(maximum=PROGRESS_STEPS, visible=False)
        self.progressed.connect(self.progress.setValue)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.register_button = buttons.addButton("Register", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reading = ReadingOptions(self.path)
        self.reading.changed.connect(self._preview)
        layout.addWidget(self.reading)
        self.read_as = QLabel(objectName="hint", wordWrap=True)
        self.shape = QLabel()
        self.preview_model = FrameModel(pd.DataFrame(), parent=self)
        self.schema = schema_tree()
        layout.addWidget(self.read_as)
        layout.addWidget(self.shape)
        layout.addWidget(preview_tabs(self.preview_model, self.schema), 1)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self._describe_version(self.name.currentText())
        self._preview()

    def _preview(self) -> None:
        """Read the first rows with the options as set; say what was found (delimiter, encoding) or why not."""
        try:
            read = read_source(self.path, self.reading.options(), rows=PREVIEW_ROWS)
        except (DatasetError, ReadError) as error:
            self._fail(str(error))
            self.register_button.setEnabled(False)
            self.preview_model.set_frame(pd.DataFrame())
            self.read_as.setText("")
            self.shape.setText("")
            return
        self.error.hide()
        self.register_button.setEnabled(True)
        rows, columns = read.table.frame.shape
        shown = f"the first {rows:,} rows shown" if rows == PREVIEW_ROWS else f"{rows:,} rows"
        self.read_as.setText(f"Read as {read.format}: {read.options.describe()}")
        self.shape.setText(f"{columns:,} columns, {shown}")
        self.preview_model.set_frame(read.table.frame)
        fill_schema(self.schema, read.table.schema)

    def _describe_version(self, name: str) -> None:
        existing = name.strip() in self.workspace.datasets.names()
        self.version.setText(f'A new version of "{name.strip()}".' if existing else "A new data set (version 1).")

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        """Start registering in the background; the dialog closes when it is done."""
        if self.running is not None:
            return
        name, description = self.name.currentText().strip(), self.description.text().strip()
        options = self.reading.options()
        self.cancelling.clear()
        self._set_running(True)
        self.running = BackgroundCall(lambda: self.workspace.datasets.register(
            self.path, name, description, options=options, progress=self._report,
            cancelled=self.cancelling.is_set), self)
        self.running.succeeded.connect(self._registered)
        self.running.failed.connect(self._refused)
        self.running.start()

    def reject(self) -> None:
        """Close, or while registering, cancel it (the dialog closes when the registration has stopped)."""
        if self.running is None:
            super().reject()
        else:
            self.cancelling.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat("Cancelling…")

    def _report(self, done: int, total: int) -> None:
        self.progressed.emit(done * PROGRESS_STEPS // max(total, 1))

    def _set_running(self, running: bool) -> None:
        for widget in (self.name, self.description, self.register_button):
            widget.setEnabled(not running)
        self.reading.setEnabled(not running and self.reading.applies)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.resetFormat()
        self.progress.setVisible(running)
        self.error.hide()

    def _registered(self, info: DatasetInfo) -> None:
        self.running = None
        self.info = info
        self._set_running(False)
        super().accept()

    def _refused(self, error: Exception) -> None:
        self.running = None
        self._set_running(False)
        if isinstance(error, Cancelled):
            super().reject()
        else:
            self._fail(str(error))


class DatasetsDialog(QDialog):
    """The workspace's data sets, one row per version; deleting one a draft uses is refused with the reason.
    Emits `changed` after a registration or a deletion."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Data")
        self.resize(1120, 620)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(("Name", "Version", "Rows", "Columns", "Created"))
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.header().setStretchLastSection(False)
        self.list.currentItemChanged.connect(lambda item, _: self._show(item))
        self.message = banner()
        register = QPushButton("Create from local file…", clicked=self.choose_file)
        self.delete_button = QPushButton("Delete", clicked=self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(register)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.preview_model = FrameModel(pd.DataFrame(), parent=self)
        self.schema = schema_tree()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(preview_tabs(self.preview_model, self.schema), 1)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.refresh()
        listed = self.list.header().length() + 2 * self.list.frameWidth() + 24  # every column whole
        splitter.setSizes([listed, max(520, self.width() - listed)])

    def refresh(self) -> None:
        self.list.clear()
        for info in self.workspace.datasets.list():
            item = QTreeWidgetItem([info.name, str(info.version), f"{info.row_count:,}", str(len(info.schema.columns)),
                                    format_time(info.created)])
            item.setData(0, Qt.ItemDataRole.UserRole, info)
            self.list.addTopLevelItem(item)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.delete_button.setEnabled(bool(self.list.topLevelItemCount()))

    def selected(self) -> DatasetInfo | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def select(self, name: str, version: int) -> None:
        for i in range(self.list.topLevelItemCount()):
            info = self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            if (info.name, info.version) == (name, version):
                self.list.setCurrentItem(self.list.topLevelItem(i))

    def _show(self, item: QTreeWidgetItem | None) -> None:
        info = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if info is None:
            return
        self.details.setText(f"<b>{info.name}</b> version {info.version} — {info.row_count:,} rows"
                             + (f"<br>{info.description}" if info.description else "")
                             + f"<br><span style='color:#8a9099'>{origin(info)}</span>")
        self.preview_model.set_frame(self.workspace.datasets.load_dataset(info.name, info.version).frame)
        fill_schema(self.schema, info.schema)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Create data asset from local file", "", FILE_FILTER)
        if path:
            self.register_file(path)

    def register_file(self, path: str | Path) -> RegisterDatasetDialog:
        """Open the register page for a file; the list refreshes after Register."""
        dialog = RegisterDatasetDialog(self.workspace, path, self)
        dialog.accepted.connect(lambda: self._registered(dialog.info))
        dialog.open()
        return dialog

    def _registered(self, info: DatasetInfo) -> None:
        self.message.hide()
        self.refresh()
        self.select(info.name, info.version)
        self.changed.emit()

    def delete_selected(self) -> bool:
        """Delete the selected version; False (and the reason shown) when a draft uses the data set."""
        info = self.selected()
        if info is None:
            return False
        try:
            self.workspace.delete_dataset(info.name, info.version)
        except DatasetError as error:
            self.message.setText(str(error))
            self.message.show()
            return False
        self.message.hide()
        self.refresh()
        self.changed.emit()
        return True
