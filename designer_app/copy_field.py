"""A line with a Copy button, read-only unless asked; a secret one is masked, with a Show toggle (keys, URIs)."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget


class CopyField(QWidget):
    """`set_text(text)` shows a value (masked when `secret`; typed in when `editable`); Copy puts it on the
    clipboard. `extra` buttons (e.g. Regenerate) follow Copy."""

    def __init__(self, secret: bool = False, placeholder: str = "", extra: tuple[QPushButton, ...] = (),
                 editable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(readOnly=not editable, placeholderText=placeholder)
        self.line.textChanged.connect(self._enable)
        self.copy_button = QPushButton("Copy", clicked=self.copy, toolTip="Copy to the clipboard")
        self.show_button = QPushButton("Show", checkable=True, visible=secret, toolTip="Show or hide the key")
        self.show_button.toggled.connect(self._reveal)
        self._reveal(not secret)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        for button in (self.show_button, self.copy_button, *extra):
            layout.addWidget(button)
        self._enable("")

    def set_text(self, text: str) -> None:
        self.line.setText(text)
        self.line.setCursorPosition(0)

    def _enable(self, text: str) -> None:
        self.copy_button.setEnabled(bool(text))
        self.show_button.setEnabled(bool(text))

    def text(self) -> str:
        return self.line.text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.line.text())

    def _reveal(self, shown: bool) -> None:
        self.line.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText("Hide" if shown else "Show")
