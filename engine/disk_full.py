"""A full disk under the workspace: recognised wherever a write fails (a file or the database), told in one line."""
from __future__ import annotations

import errno
import math
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
MEGABYTE = 1_000_000


class DiskFull(OSError):
    """No space left on the device holding the workspace (`path`); `needed` bytes, when known."""

    def __init__(self, path: str | Path, needed: int | None = None) -> None:
        super().__init__(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.path, self.needed = str(path), needed

    def __str__(self) -> str:
        text = f"No space left on the device holding the workspace ({self.path})"
        return text + (f": {math.ceil(self.needed / MEGABYTE)} MB needed" if self.needed else "")

    def __reduce__(self) -> tuple:
        return DiskFull, (self.path, self.needed)


def lack_of_space(error: BaseException) -> bool:
    """A write that failed because the device (or the user's quota) is full: ENOSPC, EDQUOT or SQLITE_FULL."""
    if isinstance(error, OSError):
        return error.errno in NO_SPACE
    return isinstance(error, sqlite3.Error) and getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def as_disk_full(error: BaseException, path: str | Path, needed: int | None = None) -> DiskFull | None:
    """`error` told as DiskFull when it is a lack of space not told yet; None otherwise."""
    if isinstance(error, DiskFull) or not lack_of_space(error):
        return None
    return DiskFull(path, needed)


@contextmanager
def told_when_full(path: str | Path, needed: int | None = None) -> Iterator[None]:
    """Writes under this raise DiskFull(path, needed) when the device runs out of space."""
    try:
        yield
    except (OSError, sqlite3.Error) as error:
        full = as_disk_full(error, path, needed)
        if full is None:
            raise
        raise full from error
