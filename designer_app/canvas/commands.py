"""Undo commands for what lives beside the NodeGraphQt graph: the pipeline's own settings."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from engine.pipeline import Pipeline


class SetPipelineSettingsCmd(QUndoCommand):
    """Replace the pipeline-level settings (name, default compute, pipeline parameters...)."""

    def __init__(self, text: str, before: Pipeline, after: Pipeline, apply: Callable[[Pipeline], None]) -> None:
        super().__init__(text)
        self._before, self._after, self._apply = before, after, apply

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)
