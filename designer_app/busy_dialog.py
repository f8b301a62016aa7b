"""A dialog whose action runs off the GUI thread (validating, submitting, deploying take a while): busy meanwhile,
its form off and the dialog not to be closed, since the action under way cannot be called back."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog

from designer_app.background import BackgroundCall


class BusyDialog(QDialog):
    """Subclasses turn their form off in `set_busy` (calling this one) and say why an action failed in `refused`."""

    busy = False

    def run_in_background(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run `work` on a worker thread, busy until it ends; then `done(result)`, or `refused(error)`."""
        self.set_busy(True)
        call = BackgroundCall(work, self)
        call.succeeded.connect(lambda result: self._ended(done, result))
        call.failed.connect(lambda error: self._ended(self.refused, error))
        call.start()

    def _ended(self, then: Callable[[Any], None], outcome: Any) -> None:
        self.set_busy(False)
        then(outcome)

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy

    def refused(self, error: Exception) -> None:
        raise NotImplementedError
