"""The Consume tab of a pipeline endpoint: its REST URL, curl and Python snippets to copy, and a token to call
it with (created here, shown once)."""
from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from designer_app.consume_snippets import TOKEN_VARIABLE, Target, curl_snippet, python_snippet
from designer_app.server_control import DEFAULT_HOST, DEFAULT_PORT
from engine.tokens import Tokens
from engine.workspace import Workspace

NOT_RUNNING = "The server is not running: start it from Server ▸ Start server, then call this URL."


def code_editor(read_only: bool = True) -> QPlainTextEdit:
    """A plain-text editor in the fixed-width font, without line wrapping."""
    editor = QPlainTextEdit(readOnly=read_only)
    editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return editor


def snippet_tabs(languages: tuple[str, ...]) -> tuple[QTabWidget, dict[str, QPlainTextEdit]]:
    """A tab per language, each a read-only code editor with a Copy button; and the editors by language."""
    tabs = QTabWidget(documentMode=True)
    editors: dict[str, QPlainTextEdit] = {}
    for language in languages:
        editor = editors[language] = code_editor()
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        page_layout.addWidget(editor)
        page_layout.addWidget(QPushButton("Copy", clicked=lambda _=False, e=editor: QGuiApplication.clipboard().setText(
            e.toPlainText())))
        tabs.addTab(page, language)
    return tabs, editors


class ConsumeTab(QWidget):
    """`show_target(target)` fills the snippets for a version (None: nothing selected); `set_server_url(url)`
    follows the running server ("" when stopped: the snippets then use the default address)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tokens = Tokens(workspace.store)
        self.server_url = ""
        self.target: Target | None = None
        self.rest_url = QLineEdit(readOnly=True)
        self.server_hint = QLabel(NOT_RUNNING, wordWrap=True, objectName="hint")
        self.token = QLineEdit(readOnly=True, placeholderText=f"Create a token, then export it as {TOKEN_VARIABLE}")
        create = QPushButton("Create token", clicked=self.create_token)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(create)
        form = QFormLayout()
        form.addRow("REST endpoint", self.rest_url)
        form.addRow("", self.server_hint)
        form.addRow("Token", token_row)

        self.snippets, self.editors = snippet_tabs(("Python", "curl"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.snippets, 1)
        self.show_target(None)

    def base_url(self) -> str:
        return self.server_url or f"http://{DEFAULT_HOST}:{DEFAULT_PORT}"

    def set_server_url(self, url: str) -> None:
        self.server_url = url
        self.server_hint.setVisible(not url)
        if self.target is not None:
            self.show_target(self.target)

    def show_target(self, target: Target | None) -> None:
        if target is not None:
            target = Target(self.base_url(), target.endpoint, target.version, target.pipeline, target.output)
        self.target = target
        self.rest_url.setText(f"{target.base_url}{target.submit_path}" if target else "")
        self.editors["Python"].setPlainText(python_snippet(target) if target else "")
        self.editors["curl"].setPlainText(curl_snippet(target) if target else "")

    def create_token(self) -> str:
        """A new workspace token, shown here once (only its hash is kept)."""
        _token_id, secret = self.tokens.create("Created in the app")
        self.token.setText(secret)
        self.token.setCursorPosition(0)
        self.token.setToolTip(f"Shown once: export {TOKEN_VARIABLE}={secret}")
        return secret
