"""The online endpoints' live state from the app's running server (GET /endpoints), read off the GUI thread.

The server asks for a workspace token: the monitor makes one for itself when it first polls a running server
and revokes it when that server stops (only its hash is ever stored, like every token)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from designer_app.background import BackgroundCall
from designer_app.endpoint_requests import live_endpoints
from engine.tokens import Tokens
from engine.workspace import Workspace

TOKEN_NAME = "Designer app: live endpoint state"


class EndpointMonitor(QObject):
    """`poll()` reads GET /endpoints once (skipped while a read is under way or no server runs); then
    `updated({name: live view})` or `failed(message)`."""

    updated = Signal(dict)
    failed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tokens = Tokens(workspace.store)
        self.server_url = ""
        self.token: tuple[str, str] | None = None  # (id, secret) while a server runs
        self.pending: BackgroundCall | None = None

    def set_server_url(self, url: str) -> None:
        """Follow the app's server ("" once stopped: the monitor's token is revoked)."""
        if not url and self.token is not None:
            self.tokens.revoke(self.token[0])
            self.token = None
        self.server_url = url

    def poll(self) -> BackgroundCall | None:
        if not self.server_url or self.pending is not None:
            return None
        if self.token is None:
            self.token = self.tokens.create(TOKEN_NAME)
        url, secret = self.server_url, self.token[1]
        call = self.pending = BackgroundCall(lambda: live_endpoints(url, secret), self)
        call.succeeded.connect(lambda views: self._done(url, views))
        call.failed.connect(lambda error: self._done(url, None, str(error) or type(error).__name__))
        call.start()
        return call

    def _done(self, url: str, views: dict[str, Any] | None, problem: str = "") -> None:
        if self.pending is not None:
            self.pending.deleteLater()  # one call every few seconds: none is kept
        self.pending = None
        if url != self.server_url:
            return  # the server stopped or moved meanwhile
        if views is None:
            self.failed.emit(problem)
        else:
            self.updated.emit(views)
