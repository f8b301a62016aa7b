"""Files the user names (an export, a step's output): never inside the workspace, never replaced unasked, never
left half written."""
from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class UserFileError(Exception):
    """A file the user named was not written: one line saying why."""


class UserFileRefused(UserFileError):
    """Refused before anything was written: inside the workspace, an existing file without `force`, a folder..."""


@contextmanager
def user_file(target: Path, workspace: Path, *, force: bool = False) -> Iterator[Path]:
    """A new temporary file beside `target` (the file a symbolic link points to) for the block to write; when the
    block ends without error it is renamed onto `target`, otherwise removed. OS errors become UserFileError."""
    path = Path(target).expanduser().resolve()
    _check(path, Path(workspace).resolve(), force)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # the umask applies
        if path.exists():
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        yield temporary
        os.replace(temporary, path)
    except OSError as error:
        raise UserFileError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)


def _check(path: Path, workspace: Path, force: bool) -> None:
    if path == workspace or path.is_relative_to(workspace):
        raise UserFileRefused(f"{path} is inside the workspace folder {workspace}; choose a path outside it")
    if not path.parent.is_dir():
        raise UserFileRefused(f"cannot write {path}: the folder {path.parent} does not exist")
    if path.is_dir():
        raise UserFileRefused(f"{path} is a folder; name a file")
    if path.exists() and not path.is_file():
        raise UserFileRefused(f"{path} is not a regular file; name a file")
    if path.exists() and not force:
        raise UserFileRefused(f"{path} exists; add --force to replace it")
