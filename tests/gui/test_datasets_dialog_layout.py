"""The Data sets dialog shows whole column headers and names, and says where a data set came from (not where
the app is installed)."""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from designer_app.datasets_dialog import DatasetsDialog


def test_columns_fit_their_headers_and_values_and_origin_is_not_an_install_path(qtbot, workspace):
    dialog = DatasetsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    header = dialog.list.header()
    metrics = QtGui.QFontMetrics(header.font())
    for column in range(dialog.list.columnCount()):
        title = dialog.list.headerItem().text(column)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
        values = [dialog.list.topLevelItem(i).text(column) for i in range(dialog.list.topLevelItemCount())]
        widest = max(QtGui.QFontMetrics(dialog.list.font()).horizontalAdvance(v) for v in values)
        assert header.sectionSize(column) >= widest, title
    assert header.length() <= dialog.list.viewport().width()  # nothing hidden behind the splitter
    assert "sample data set shipped with Designer" in dialog.details.text()
    assert "/resources/" not in dialog.details.text().replace("resources/datasets/README.md", "")
    table = dialog.findChild(QtWidgets.QTableView)
    names = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        title = str(table.model().headerData(column, QtCore.Qt.Orientation.Horizontal))
        assert names.sectionSize(column) >= QtGui.QFontMetrics(names.font()).horizontalAdvance(title), title
