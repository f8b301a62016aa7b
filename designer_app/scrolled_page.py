"""A tab page that scrolls rather than making its pane taller than the user left it."""
from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget


def scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area
