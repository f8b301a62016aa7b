"""The child process of Execute Python Script: runs the user's script in its working folder and sends back its
prints and warnings as they come, then one `Answer` (the DataFrames and pictures, or the error naming the line)."""
from __future__ import annotations

import io
import linecache
import os
import sys
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import pandas as pd

from nodes.components.python_language.execute_python_script import BUNDLE_FOLDER

SCRIPT_FILE = "Python script"
ENTRY = "azureml_main"
PICTURES = (".png", ".jpg", ".jpeg")


@dataclass
class Answer:
    frames: tuple = ()
    images: list[tuple[str, bytes]] = field(default_factory=list)
    error: str | None = None


class _Relay(io.TextIOBase):
    """Stands in for stdout or stderr: each write goes to the parent at once."""

    def __init__(self, connection: Connection, stream: str) -> None:
        self.connection, self.stream = connection, stream

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:
            self.connection.send((self.stream, text))
        return len(text)


def run_script(connection: Connection, script: str, frames: list, folder: str) -> None:
    """The child's entry point (picklable by name, for spawn)."""
    os.chdir(folder)
    os.environ.setdefault("MPLBACKEND", "Agg")
    sys.path.insert(0, str(Path(folder) / BUNDLE_FOLDER))
    sys.stdout, sys.stderr = _Relay(connection, "out"), _Relay(connection, "err")
    try:
        answer = Answer(frames=returned(call(script, frames)))
        answer.images = pictures(Path(folder))
    except BaseException as error:  # noqa: BLE001 - the user's script may raise anything, SystemExit included
        if not isinstance(error, ScriptError):
            traceback.print_exception(error)
        answer = Answer(error=describe(error))
    try:
        connection.send(answer)
    except Exception as error:  # noqa: BLE001 - a returned frame that does not pickle
        connection.send(Answer(error=f"The returned DataFrames cannot be sent back: {type(error).__name__}: {error}"))
    connection.close()


def call(script: str, frames: list):
    linecache.cache[SCRIPT_FILE] = (len(script), None, script.splitlines(True), SCRIPT_FILE)
    namespace: dict = {"__name__": "azureml_script"}
    exec(compile(script, SCRIPT_FILE, "exec"), namespace)  # noqa: S102 - running the user's script is the point
    entry = namespace.get(ENTRY)
    if not callable(entry):
        raise ScriptError(f"The script does not define {ENTRY}(dataframe1, dataframe2).")
    return entry(*frames)


class ScriptError(Exception):
    """A script that breaks the contract (no azureml_main, a wrong return value)."""


def returned(value) -> tuple:
    """azureml_main's DataFrames: one DataFrame, or a tuple or list of one or two."""
    items = (value,) if isinstance(value, pd.DataFrame) else value
    if not isinstance(items, (tuple, list)) or not 1 <= len(items) <= 2 or \
            not all(isinstance(i, pd.DataFrame) for i in items):
        kinds = type(value).__name__ if not isinstance(value, (tuple, list)) else \
            f"{type(value).__name__} of {', '.join(type(i).__name__ for i in value) or 'nothing'}"
        raise ScriptError(f"{ENTRY} must return one or two pandas DataFrames (e.g. `return df,`); it returned {kinds}.")
    return tuple(items)


def pictures(folder: Path) -> list[tuple[str, bytes]]:
    """The PNG and JPEG files the script saved in its folder (not the bundle's), then its open matplotlib figures."""
    found = [(str(p.relative_to(folder)), p.read_bytes()) for p in sorted(folder.rglob("*"))
             if p.suffix.lower() in PICTURES and p.is_file() and p.relative_to(folder).parts[0] != BUNDLE_FOLDER]
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        for number in pyplot.get_fignums():
            buffer = io.BytesIO()
            pyplot.figure(number).savefig(buffer, format="png")
            found.append((f"Figure {number}.png", buffer.getvalue()))
    return found


def describe(error: BaseException) -> str:
    """One line: what went wrong and, when it was in the script, on which line."""
    if isinstance(error, ScriptError):
        return str(error)
    line = error.lineno if isinstance(error, SyntaxError) and error.filename == SCRIPT_FILE else next(
        (frame.lineno for frame in reversed(traceback.extract_tb(error.__traceback__))
         if frame.filename == SCRIPT_FILE), None)
    where = f" (Python script, line {line})" if line else ""
    message = error.msg if isinstance(error, SyntaxError) else str(error)
    return f"{type(error).__name__}: {message}{where}"
