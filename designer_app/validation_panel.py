"""The validation list: every problem of the draft; clicking one selects its node."""
from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from designer_app.canvas.adapter import CanvasAdapter
from engine.validation import Analysis

NODE_ROLE = QtCore.Qt.ItemDataRole.UserRole


class ValidationPanel(QtWidgets.QWidget):
    """A list of problems (node, port or parameter, message)."""

    def __init__(self, adapter: CanvasAdapter, parent=None) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.status = QtWidgets.QLabel(objectName="hint")
        self.list = QtWidgets.QTreeWidget()
        self.list.setHeaderLabels(["Component", "Where", "Problem"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.header().setStretchLastSection(True)
        self.list.setColumnWidth(0, 200)
        self.list.setColumnWidth(1, 200)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)

    def show_analysis(self, analysis: Analysis) -> None:
        self.list.clear()
        for problem in analysis.problems:
            item = QtWidgets.QTreeWidgetItem([problem.node_name or "Pipeline", problem.parameter or problem.port or "",
                                              problem.message])
            item.setToolTip(2, problem.message)
            item.setData(0, NODE_ROLE, problem.node)
            self.list.addTopLevelItem(item)
        count = len(analysis.problems)
        self.status.setText("✔ No problems: the pipeline is ready to submit." if not count
                            else f"{count} problem{'s' if count > 1 else ''} to fix before submitting.")

    def _clicked(self, item: QtWidgets.QTreeWidgetItem) -> None:
        node_id = item.data(0, NODE_ROLE)
        if node_id:
            self.adapter.select(node_id)
