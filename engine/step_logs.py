"""Per-step logs: prints, warnings and log records of the thread running a step go to that step's buffer."""
from __future__ import annotations

import io
import logging
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

_local = threading.local()
_lock = threading.Lock()
STEP_LOGGER = "designer.step"


class _ThreadRouter(io.TextIOBase):
    """Stands in for stdout/stderr: writes of a thread running a step go to its buffer, others pass through."""

    def __init__(self, original) -> None:
        self.original = original

    def write(self, text: str) -> int:
        buffer = getattr(_local, "buffer", None)
        return buffer.write(text) if buffer is not None else self.original.write(text)

    def flush(self) -> None:
        if getattr(_local, "buffer", None) is None:
            self.original.flush()


class _BufferHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        buffer = getattr(_local, "buffer", None)
        if buffer is not None:
            buffer.write(self.format(record) + "\n")


def step_logger() -> logging.Logger:
    logger = logging.getLogger(STEP_LOGGER)
    if not logger.handlers:
        handler = _BufferHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


_previous_showwarning = warnings.showwarning


def _route_warning(message, category, filename, lineno, file=None, line=None) -> None:
    buffer = getattr(_local, "buffer", None)
    if buffer is not None and file is None:
        buffer.write(warnings.formatwarning(message, category, filename, lineno, line))
    else:
        _previous_showwarning(message, category, filename, lineno, file, line)


def _install() -> None:
    global _previous_showwarning
    with _lock:
        if warnings.showwarning is not _route_warning:
            _previous_showwarning = warnings.showwarning
            warnings.showwarning = _route_warning
        if not isinstance(sys.stdout, _ThreadRouter):
            sys.stdout = _ThreadRouter(sys.stdout)
        if not isinstance(sys.stderr, _ThreadRouter):
            sys.stderr = _ThreadRouter(sys.stderr)


@contextmanager
def capture() -> Iterator[io.StringIO]:
    """Route this thread's prints, warnings and step log records into a fresh buffer."""
    _install()
    buffer = io.StringIO()
    _local.buffer = buffer
    try:
        yield buffer
    finally:
        _local.buffer = None
