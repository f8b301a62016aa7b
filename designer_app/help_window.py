"""Help in place: the component reference (generated from the specs), the keyboard shortcuts and About."""
from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from PySide6 import QtCore, QtGui, QtWidgets

from designer_app.window_manners import behave
from nodes.reference import component_page
from nodes.registry import Registry

ABOUT_PACKAGES = ("designer", "PySide6", "NodeGraphQt", "pandas", "scikit-learn", "numpy", "pyarrow", "fastapi")


class ComponentReference(QtWidgets.QDialog):
    """Every component by category on the left; the selected one's reference page on the right."""

    def __init__(self, registry: Registry, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Component reference")
        self.setObjectName("componentReference")
        self.registry = registry
        self.tree = QtWidgets.QTreeWidget(headerHidden=True)
        self.page = QtWidgets.QTextBrowser(openExternalLinks=True)
        self._items: dict[str, QtWidgets.QTreeWidgetItem] = {}
        categories: dict[str, QtWidgets.QTreeWidgetItem] = {}
        for component in registry:
            parent_item = categories.get(component.category)
            if parent_item is None:
                parent_item = categories[component.category] = QtWidgets.QTreeWidgetItem(self.tree,
                                                                                         [component.category])
                parent_item.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
            item = QtWidgets.QTreeWidgetItem(parent_item, [component.name])
            item.setData(0, QtCore.Qt.ItemDataRole.UserRole, component.id)
            self._items[component.id] = item
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(self._show_item)
        split = QtWidgets.QSplitter()
        split.addWidget(self.tree)
        split.addWidget(self.page)
        split.setSizes([260, 640])
        QtWidgets.QVBoxLayout(self).addWidget(split)
        behave(self, "reference", (960, 640))

    def show_component(self, component_id: str) -> None:
        """Select a component and show its page."""
        self.tree.setCurrentItem(self._items[component_id])

    def _show_item(self, item: QtWidgets.QTreeWidgetItem | None, _previous=None) -> None:
        component_id = item.data(0, QtCore.Qt.ItemDataRole.UserRole) if item else None
        if component_id:
            self.page.setMarkdown(component_page(self.registry[component_id]))


def shortcuts_text(actions: dict[str, QtGui.QAction]) -> str:
    """A Markdown table of every action that has a keyboard shortcut."""
    rows = [(a.text().replace("&", "").rstrip("…"), ", ".join(k.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
                                                             for k in a.shortcuts()))
            for a in actions.values() if a.shortcuts()]
    return "\n".join(["| Action | Keys |", "|---|---|", *(f"| {name} | {keys} |" for name, keys in rows)])


def about_text() -> str:
    """The versions of Designer, Python and the libraries it runs on."""
    lines = [f"Python {platform.python_version()} on {platform.system()} {platform.machine()}"]
    for package in ABOUT_PACKAGES:
        try:
            lines.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            lines.append(f"{package}: not installed")
    return "A local drag-and-drop machine-learning designer.\n\n" + "\n".join(f"- {line}" for line in lines)


def show_markdown(parent: QtWidgets.QWidget, title: str, markdown: str) -> QtWidgets.QDialog:
    """A small closable window showing Markdown text."""
    dialog = QtWidgets.QDialog(parent)
    dialog.setWindowTitle(title)
    text = QtWidgets.QTextBrowser()
    text.setMarkdown(markdown)
    QtWidgets.QVBoxLayout(dialog).addWidget(text)
    behave(dialog, title, (520, 480))
    dialog.show()
    return dialog
