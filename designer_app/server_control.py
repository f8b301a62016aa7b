"""The built-in HTTP server inside the app: Start and Stop from a menu, its URL in the status bar.

Starting and stopping run off the GUI thread (the server and its web framework are imported on the first start);
`shutdown()` stops it for good when the window closes."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from designer_app.background import BackgroundCall
from designer_app.settings import app_settings
from engine.engine import Engine
from engine.workspace import Workspace
from nodes.lazy import Lazy

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8765  # engine.server's defaults, without importing it to start
STOPPED = "Server stopped"
new_server = Lazy("engine.server", "Server")


class ServerControl(QObject):
    """Emits `url_changed(url)` once the server listens ("" once it stopped) and `failed(message)` when it
    could not start or stop. `host` and `port` (settings "server/host", "server/port"; port 0 picks a free one)
    apply at the next start."""

    url_changed = Signal(str)
    failed = Signal(str)

    def __init__(self, workspace: Workspace, engine: Engine, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace, self.engine = workspace, engine
        settings = app_settings()
        self.host = str(settings.value("server/host", DEFAULT_HOST))
        self.port = int(settings.value("server/port", DEFAULT_PORT))
        self.server: Any = None  # an engine.server.Server once starting, until stopped
        self.url = ""
        self.busy = False
        self.start_action = QAction("&Start server", self, triggered=self.start,
                                    statusTip="Serve the pipeline endpoints over HTTP on this machine")
        self.stop_action = QAction("S&top server", self, triggered=self.stop, enabled=False)
        self.label = QLabel(STOPPED, objectName="hint")
        self.url_changed.connect(self._show)
        self.failed.connect(lambda message: self.label.setText(f"Server: {message}"))

    def start(self) -> None:
        if self.server is not None or self.busy:
            return
        host, port = self.host, self.port

        def start() -> str:
            self.server = new_server(self.workspace, self.engine, host=host, port=port)
            return self.server.start()
        self._call(start, self._started, "Starting server…", forget=True)

    def stop(self) -> None:
        if self.server is not None and not self.busy:
            self._call(self.server.stop, self._stopped, "Stopping server…", forget=False)

    def shutdown(self) -> None:
        """Stop now, on this thread (the window is closing; a start still under way is waited for first)."""
        BackgroundCall.wait_for_all()
        if self.server is not None:
            self.server.stop()
            self._stopped()

    def _call(self, function: Callable[[], Any], done: Callable[[Any], None], text: str, forget: bool) -> None:
        """Run `function` off the GUI thread; on failure, `forget` drops the server (it did not start)."""
        self._set_busy(True)
        self.label.setText(text)
        call = BackgroundCall(function, self)
        call.succeeded.connect(done)
        call.failed.connect(lambda error: self._failed(error, forget))
        call.start()

    def _started(self, url: str) -> None:
        self.url = url
        self._set_busy(False)
        self.url_changed.emit(url)

    def _stopped(self, _result: object = None) -> None:
        self.server, self.url = None, ""
        self._set_busy(False)
        self.url_changed.emit("")

    def _failed(self, error: Exception, forget: bool) -> None:
        if forget:
            self.server = None
        self._set_busy(False)
        self.failed.emit(str(error) or type(error).__name__)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        running = self.server is not None
        self.start_action.setEnabled(not busy and not running)
        self.stop_action.setEnabled(not busy and running)

    def _show(self, url: str) -> None:
        self.label.setText(f"Server: {url}" if url else STOPPED)
        self.label.setToolTip("Pipeline endpoints are served here (API docs at /docs)" if url else "")
