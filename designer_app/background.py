"""One blocking call off the GUI thread; its outcome arrives on the GUI thread through a queued signal."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class BackgroundCall(QObject):
    """`start()` runs `function` on Qt's global thread pool; then `succeeded(result)` or `failed(exception)`.

    Keep the object (and whatever it is connected to) alive until the outcome arrives; `wait_for_all` lets a
    closing window wait for the calls still running."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.function = function

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # every failure is the caller's to show
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)

    @staticmethod
    def wait_for_all(timeout_ms: int = 30000) -> bool:
        """Block until no call is running (the pool is idle); False on time-out."""
        return QThreadPool.globalInstance().waitForDone(timeout_ms)
