"""The palette: data sets and components in groups, filtered as you type; drag onto the canvas or double-click."""
from __future__ import annotations

import json

from PySide6 import QtCore, QtGui, QtWidgets

from designer_app.canvas.viewer import PALETTE_MIME
from engine.datasets import DatasetInfo
from engine.samples import SAMPLE_DATASETS
from nodes.component import CATEGORIES
from nodes.params import dataset_param
from nodes.registry import Registry

ENTRY_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1
SAMPLE_GROUP, MY_GROUP = "Sample data sets", "My data sets"


class _PaletteModel(QtGui.QStandardItemModel):
    """Groups of entries; each entry carries {"component", "params"} and drags as PALETTE_MIME."""

    def mimeTypes(self) -> list[str]:
        return [PALETTE_MIME]

    def mimeData(self, indexes) -> QtCore.QMimeData:
        mime = QtCore.QMimeData()
        entries = [i.data(ENTRY_ROLE) for i in indexes if i.data(ENTRY_ROLE)]
        if entries:
            mime.setData(PALETTE_MIME, json.dumps(entries[0]).encode("utf-8"))
        return mime


class PaletteWidget(QtWidgets.QWidget):
    """Search box over a tree of entries: each data set once per data set source (a component with a Dataset
    parameter, placed with it filled in), then the other components by category. Emits
    `add_requested(component_id, params)` on double-click."""

    add_requested = QtCore.Signal(str, dict)

    def __init__(self, registry: Registry, parent=None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.search = QtWidgets.QLineEdit(placeholderText="Search components and data sets")
        self.search.setClearButtonEnabled(True)
        self.model = _PaletteModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QtWidgets.QTreeView(headerHidden=True, uniformRowHeights=True)
        self.tree.setModel(self.proxy)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self._filter)
        self.tree.doubleClicked.connect(self._activated)
        self.set_datasets([])

    def set_datasets(self, datasets: list[DatasetInfo]) -> None:
        """Rebuild the palette with the workspace's data sets (latest version of each)."""
        self.model.clear()
        latest = {d.name: d for d in datasets}
        samples = [d for name, d in latest.items() if name in SAMPLE_DATASETS]
        mine = [d for name, d in latest.items() if name not in SAMPLE_DATASETS]
        sources = [(c, dataset_param(c.params)) for c in self.registry if dataset_param(c.params)]
        for title, infos in ((SAMPLE_GROUP, samples), (MY_GROUP, mine)):
            group = self._group(title)
            for info in infos:
                tip = f"{info.description}\n{info.row_count} rows × {len(info.schema.columns)} columns"
                for component, param in sources:
                    group.appendRow(self._entry(info.name, tip, {"component": component.id,
                                                                 "params": {param.name: info.name}}))
        for category in CATEGORIES:
            components = [c for c in self.registry if c.category == category and dataset_param(c.params) is None]
            if components:
                group = self._group(category)
                for c in components:
                    group.appendRow(self._entry(c.name, c.description, {"component": c.id, "params": {}}))
        self.tree.expandAll()
        self._filter(self.search.text())

    def entries(self) -> list[tuple[str, dict]]:
        """Visible (text, entry) pairs, in order."""
        found = []
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            for child in range(self.proxy.rowCount(group)):
                index = self.proxy.index(child, 0, group)
                found.append((index.data(), index.data(ENTRY_ROLE)))
        return found

    def mime_data(self, text: str) -> QtCore.QMimeData:
        """The drag data of the entry named `text` (what a drag from the palette carries)."""
        index = self.model.match(self.model.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole, text, 1,
                                 QtCore.Qt.MatchFlag.MatchRecursive | QtCore.Qt.MatchFlag.MatchExactly)[0]
        return self.model.mimeData([index])

    def _group(self, title: str) -> QtGui.QStandardItem:
        item = QtGui.QStandardItem(title)
        item.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.model.appendRow(item)
        return item

    @staticmethod
    def _entry(text: str, tip: str, entry: dict) -> QtGui.QStandardItem:
        item = QtGui.QStandardItem(text)
        item.setToolTip(tip)
        item.setData(entry, ENTRY_ROLE)
        item.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled | QtCore.Qt.ItemFlag.ItemIsSelectable
                      | QtCore.Qt.ItemFlag.ItemIsDragEnabled)
        return item

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()

    def _activated(self, index: QtCore.QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if entry:
            self.add_requested.emit(entry["component"], entry.get("params") or {})
