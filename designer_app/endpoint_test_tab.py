"""The Test tab of an online endpoint: a JSON request built from the endpoint's input schema and its job's rows
(editable), sent to the running server with the endpoint's key; the answer's status, latency and body."""
from __future__ import annotations

import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from designer_app.background import BackgroundCall
from designer_app.consume_tab import code_editor
from designer_app.copy_field import CopyField
from designer_app.endpoint_requests import Reply, send

OK_STYLE, ERROR_STYLE = "color: #107c10; font-weight: 600;", "color: #a4262c; font-weight: 600;"
NO_SERVER = "Start the server (Server ▸ Start server) to send test requests."
NO_KEY = "Paste the endpoint's primary or secondary key (shown once at deploy; Consume ▸ Regenerate makes a new one)"


class EndpointTestTab(QWidget):
    """`show_target(scoring_uri, key, body)` prefills the request (scoring_uri "": no server runs); Send emits
    `answered(reply)` once the answer is shown."""

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scoring_uri = ""
        self.example = ""
        self.call: BackgroundCall | None = None
        self.key = CopyField(secret=True, placeholder=NO_KEY, editable=True)
        self.key.line.textChanged.connect(lambda *_: self._update())
        self.request = code_editor(read_only=False)
        self.request.textChanged.connect(self._update)
        self.reset_button = QPushButton("Reset", clicked=lambda: self.request.setPlainText(self.example),
                                        toolTip="Back to the example request built from the input schema")
        self.send_button = QPushButton("Send", clicked=self.send, toolTip="POST the request to the scoring URI")
        self.send_button.setDefault(True)
        self.hint = QLabel(wordWrap=True, objectName="hint")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.response = code_editor()
        self.response.setPlaceholderText("The response appears here.")

        form = QFormLayout()
        form.addRow("Key", self.key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.send_button)
        request_side = QWidget()
        request_layout = QVBoxLayout(request_side)
        request_layout.setContentsMargins(0, 0, 0, 0)
        request_layout.addWidget(QLabel("Request body (JSON, Azure designer format)"))
        request_layout.addWidget(self.request, 1)
        request_layout.addLayout(buttons)
        response_side = QWidget()
        response_layout = QVBoxLayout(response_side)
        response_layout.setContentsMargins(0, 0, 0, 0)
        response_layout.addWidget(QLabel("Response"))
        response_layout.addWidget(self.status)
        response_layout.addWidget(self.response, 1)
        splitter = QSplitter()
        splitter.addWidget(request_side)
        splitter.addWidget(response_side)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        self.show_target("", "", "")

    def show_target(self, scoring_uri: str, key: str, body: str) -> None:
        """The endpoint to call, the key known for it ("" to keep what was typed) and its example request."""
        self.scoring_uri, self.example = scoring_uri, body
        if key:
            self.key.set_text(key)
        self.request.setPlainText(body)
        self.status.clear()
        self.response.clear()
        self._update()

    def set_scoring_uri(self, scoring_uri: str) -> None:
        self.scoring_uri = scoring_uri
        self._update()

    def set_key(self, key: str) -> None:
        self.key.set_text(key)

    def _problem(self) -> str:
        """Why the request cannot be sent now ("" when it can)."""
        if not self.scoring_uri:
            return NO_SERVER
        if not self.key.text().strip():
            return "Enter the endpoint's key."
        try:
            json.loads(self.request.toPlainText())
        except ValueError as error:
            return f"The request is not valid JSON: {error}"
        return ""

    def _update(self) -> None:
        problem = "" if self.call is None else "Sending…"
        problem = problem or self._problem()
        self.hint.setText(problem)
        self.send_button.setEnabled(not problem)

    def send(self) -> BackgroundCall | None:
        if self._problem() or self.call is not None:
            return None
        uri, key, body = self.scoring_uri, self.key.text().strip(), self.request.toPlainText()
        self.call = BackgroundCall(lambda: send(uri, key, body), self)
        self.call.succeeded.connect(self._show)
        self.call.start()
        self._update()
        return self.call

    def _show(self, reply: Reply) -> None:
        self.call.deleteLater()
        self.call = None
        timing = f"{reply.seconds * 1000:.1f} ms"
        self.status.setText(f"{reply.status_text} · {timing}" + (f"\n{reply.problem}" if reply.problem else ""))
        self.status.setStyleSheet(OK_STYLE if reply.ok else ERROR_STYLE)
        self.response.setPlainText(reply.body)
        self._update()
        self.answered.emit(reply)
