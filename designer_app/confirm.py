"""A window-modal Yes/Cancel question that runs an action on Yes."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, question: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Open the question (deleted once answered); `on_yes` runs only on Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    yes = box.button(QMessageBox.StandardButton.Yes)
    box.buttonClicked.connect(lambda button: button is yes and on_yes())
    box.finished.connect(box.deleteLater)
    box.open()
    return box
