"""The server of a workspace: uvicorn serving the app on a thread, started and stopped from Python."""
from __future__ import annotations

import socket
import threading
import time

import uvicorn

from engine.engine import Engine
from engine.server.app import DEFAULT_MAX_BODY, create_app
from engine.workspace import Workspace

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
START_TIMEOUT_S = 30.0


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound and listening. Its protocol is said explicitly: asyncio turns Nagle's algorithm off
    (TCP_NODELAY) only on sockets whose protocol is IPPROTO_TCP, and without that every response waited ~40 ms
    for the client's delayed ACK."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(socket.SOMAXCONN)
    except OSError:
        listener.close()
        raise
    return listener


class Server:
    """`start()` listens (port 0 picks a free port) and returns once serving; `stop()` ends it cleanly."""

    def __init__(self, workspace: Workspace, engine: Engine, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                 max_body: int = DEFAULT_MAX_BODY) -> None:
        self.host, self.port = host, port
        self.app = create_app(workspace, engine, host, max_body=max_body)
        self._uvicorn: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> str:
        """Listen and serve on a thread; returns the URL. Raises OSError when the address cannot be bound."""
        if self.running:
            return self.url
        self._socket = listening_socket(self.host, self.port)
        self.port = self._socket.getsockname()[1]
        config = uvicorn.Config(self.app, host=self.host, port=self.port, log_level="warning", access_log=False,
                                lifespan="off", timeout_graceful_shutdown=5)
        self._uvicorn = uvicorn.Server(config)
        self.app.state.live.start()
        self._thread = threading.Thread(target=self._uvicorn.run, kwargs={"sockets": [self._socket]},
                                        name="designer-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._uvicorn.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise OSError(f"the server on {self.url} did not start")
            time.sleep(0.01)
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        if self._uvicorn is not None and self._thread is not None:
            self._uvicorn.should_exit = True
            self._thread.join(timeout)
        if self._socket is not None:
            self._socket.close()
        self.app.state.live.close()
        self._uvicorn = self._thread = self._socket = None
