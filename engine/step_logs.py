"""Per-step logs: the prints, warnings and log records of the code running a step go to that step's buffer.

One router is installed once per process: `sys.stdout`/`sys.stderr` and `warnings.showwarning` are replaced by
functions that look up the current step's buffer in a context variable, so steps running side by side on
different threads each keep exactly their own output, and code outside a step writes where it always did.
Warnings raised in a step are always recorded (a fallback filter at the end of the filter list turns Python's
"once per location" default into "always", so a second fit still logs its ConvergenceWarning); outside a step the
router keeps the default "once per location" itself. Explicit filters (ignore, error) still win.
"""
from __future__ import annotations

import io
import logging
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

STEP_LOGGER = "designer.step"
_buffer: ContextVar[io.StringIO | None] = ContextVar("designer_step_log", default=None)
_lock = threading.Lock()
_FALLBACK = ("always", None, Warning, None, 0)


class _StreamRouter(io.TextIOBase):
    """Stands in for stdout/stderr: a step's writes go to its buffer, others pass through."""

    def __init__(self, original) -> None:
        self.original = original

    def write(self, text: str) -> int:
        buffer = _buffer.get()
        return buffer.write(text) if buffer is not None else self.original.write(text)

    def flush(self) -> None:
        if _buffer.get() is None:
            self.original.flush()

    def fileno(self) -> int:
        return self.original.fileno()


class _WarningRouter:
    """Stands in for `warnings.showwarning`: a step's warnings go to its buffer, others once per location."""

    def __init__(self, original) -> None:
        self.original = original
        self.shown: set[tuple] = set()

    def __call__(self, message, category, filename, lineno, file=None, line=None) -> None:
        buffer = _buffer.get()
        if buffer is not None and file is None:
            buffer.write(warnings.formatwarning(message, category, filename, lineno, line))
            return
        key = (str(message), category, filename, lineno)
        if key not in self.shown:
            self.shown.add(key)
            self.original(message, category, filename, lineno, file, line)


class _BufferHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        buffer = _buffer.get()
        if buffer is not None:
            buffer.write(self.format(record) + "\n")


def step_logger() -> logging.Logger:
    """The logger a step's context hands to components; its records go to the running step's log."""
    logger = logging.getLogger(STEP_LOGGER)
    if not logger.handlers:
        handler = _BufferHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def install() -> None:
    """Install the router (again, if a test harness restored the originals); cheap when already in place."""
    if (isinstance(sys.stdout, _StreamRouter) and isinstance(sys.stderr, _StreamRouter)
            and isinstance(warnings.showwarning, _WarningRouter) and _FALLBACK in warnings.filters):
        return
    with _lock:
        if not isinstance(warnings.showwarning, _WarningRouter):
            warnings.showwarning = _WarningRouter(warnings.showwarning)
        warnings.simplefilter("always", append=True)  # added once: a filter already in the list is kept
        if not isinstance(sys.stdout, _StreamRouter):
            sys.stdout = _StreamRouter(sys.stdout)
        if not isinstance(sys.stderr, _StreamRouter):
            sys.stderr = _StreamRouter(sys.stderr)


@contextmanager
def capture() -> Iterator[io.StringIO]:
    """Route the prints, warnings and step log records of this context into a fresh buffer."""
    install()
    buffer = io.StringIO()
    token = _buffer.set(buffer)
    try:
        yield buffer
    finally:
        _buffer.reset(token)
