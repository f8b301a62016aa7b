"""A table model over the first 100 x 100 cells of a pandas frame, formatted once when the frame is set (a view
asks for each cell many times: sizing columns alone asks for all of them)."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from engine.preview import PREVIEW_COLUMNS, PREVIEW_ROWS

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root: a table has no children


def format_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (float, np.floating)):
        return f"{value:.6g}"
    return str(value)


class FrameModel(QAbstractTableModel):
    """Shows at most the first `max_rows` x `max_columns` of a frame (Preview data's 100 x 100)."""

    def __init__(self, frame: pd.DataFrame, max_rows: int = PREVIEW_ROWS, max_columns: int = PREVIEW_COLUMNS,
                 parent=None) -> None:
        super().__init__(parent)
        self.max_rows, self.max_columns = max_rows, max_columns
        self.set_frame(frame)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame.iloc[:self.max_rows, :self.max_columns]
        self.numeric = [pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d)
                        for d in self.frame.dtypes]
        self.cells = [[format_value(v) for v in row] for row in self.frame.itertuples(index=False, name=None)]
        self.rows, self.columns = self.frame.shape
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if self.numeric[index.column()] else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self.frame.columns[section])
        return str(section + 1)
