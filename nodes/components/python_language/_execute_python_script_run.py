"""Execute Python Script's implementation: the parent side. It unpacks the bundle into a fresh working folder,
starts the child (nodes.components.python_language._script_child) from a fork server, relays its prints and warnings
to the step's log as they come, kills it when the job is cancelled, and turns its answer into tables."""
from __future__ import annotations

import multiprocessing
import sys
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from nodes import errors
from nodes.components.python_language._execute_python_script import bundle_path
from nodes.components.python_language._script_child import Answer, run_script
from nodes.components.python_language.execute_python_script import (
    BUNDLE,
    BUNDLE_FOLDER,
    DATASET1,
    DATASET2,
    DEVICE,
    PLOTS,
    RESULT,
    SCRIPT,
)
from nodes.context import RunContext
from nodes.params import Params
from nodes.table import Table

POLL_SECONDS = 0.1
CHILD_MODULE = run_script.__module__


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    frames = [inputs[port].frame if inputs.get(port) is not None else None for port in (DATASET1, DATASET2)]
    bundle = bundle_path(params)
    with tempfile.TemporaryDirectory(prefix="designer-python-") as folder:
        if bundle is not None:
            unpack(bundle, Path(folder) / BUNDLE_FOLDER)
        answer = execute(ctx, params[SCRIPT], frames, folder)
    if answer.error is not None:
        raise errors.ComponentError(85, "FailedToEvaluateScript", answer.error, parameter=SCRIPT)
    result, device = (list(answer.frames) + [pd.DataFrame()])[:2]
    plots = pd.DataFrame({"Name": pd.Series([n for n, _ in answer.images], dtype="str"),
                          "Image": pd.Series([b for _, b in answer.images], dtype=object)})
    return {RESULT: table(result), DEVICE: table(device), PLOTS: Table(plots)}


def unpack(bundle: Path, target: Path) -> None:
    try:
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(target)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise errors.ComponentError(102, "InvalidZipFile", f'"{bundle}" cannot be unpacked: {error}.',
                                    parameter=BUNDLE) from None


def table(frame: pd.DataFrame) -> Table:
    """A returned DataFrame as a table: column names as text, unique (error 0028 otherwise), a plain index."""
    names = [str(c) for c in frame.columns]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise errors.ComponentError(28, "DuplicatedColumnName",
                                    f"azureml_main returned a DataFrame with duplicate column names: "
                                    f"{', '.join(duplicated[:5])}.", parameter=SCRIPT)
    frame = frame.reset_index(drop=True)
    frame.columns = names
    return Table(frame)


def starter() -> multiprocessing.context.BaseContext:
    """Where POSIX has it, a fork server that has imported pandas once (a child then starts in milliseconds, from
    a clean process that never ran a thread); else spawn."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([CHILD_MODULE])
    return context


def execute(ctx: RunContext, script: str, frames: list, folder: str) -> Answer:
    """Run the script in a child process; relay its output; kill it on cancel (raising Cancelled)."""
    if multiprocessing.current_process().daemon:
        raise errors.ComponentError(39, "FailedToCompleteOperation",
                                    "Execute Python Script runs its script in a process of its own, which this "
                                    "compute's daemon worker may not start; run this node on local compute.")
    context = starter()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=run_script, args=(sender, script, frames, folder), name="designer-python-script")
    child.start()
    sender.close()
    try:
        while True:
            if not receiver.poll(POLL_SECONDS):
                ctx.check_cancelled()
                continue
            try:
                message = receiver.recv()
            except EOFError:
                child.join()
                return Answer(error=f"The script's process ended without an answer (exit code {child.exitcode}).")
            if isinstance(message, Answer):
                return message
            stream, text = message
            (sys.stderr if stream == "err" else sys.stdout).write(text)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
