"""What the command handlers share: running one in its workspace, loading a pipeline file, writing a file the
user named, printing a job."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from engine.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, fail
from engine.disk_full import DiskFull
from engine.job_store import JobRecord
from engine.pipeline import Pipeline, PipelineFormatError
from engine.user_files import UserFileError, UserFileRefused, user_file
from engine.workspace import Workspace


def in_workspace(args: argparse.Namespace) -> int:
    """Run `args.handler(workspace, args)` in the workspace `args.workspace` names (None: the default one)."""
    try:
        try:
            workspace = Workspace(args.workspace)
        except DiskFull:
            raise
        except Exception as error:  # noqa: BLE001 - an unusable workspace folder is the user's to fix
            return fail(f"cannot open the workspace: {error}", EXIT_INVALID)
        with workspace:
            return args.handler(workspace, args)
    except DiskFull as error:  # "No space left on the device holding the workspace (...): N MB needed"
        return fail(error, EXIT_FAILED)
    except BrokenPipeError:  # e.g. `designer jobs output ... | head`: the reader has all it wanted
        silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl+C (`designer run` cancels its job instead)
        return fail("interrupted", EXIT_INTERRUPTED)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that nothing is left to fail when Python flushes it at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def load_pipeline(path: Path) -> Pipeline | None:
    """The pipeline in `path`, or None after saying what is wrong with it."""
    try:
        return Pipeline.load(path)
    except PipelineFormatError as error:
        fail(error)
        return None


def write_user_file(workspace: Workspace, target: Path, force: bool, write: Callable[[Path], None]) -> int:
    """`write(path)` the file the user named through `engine.user_files.user_file` (never inside the workspace,
    never replacing a file without `force`, never half written); the exit code, after saying why not."""
    try:
        with user_file(target, workspace.root, force=force) as path:
            write(path)
    except UserFileRefused as error:
        return fail(error, EXIT_INVALID)
    except UserFileError as error:
        return fail(error, EXIT_FAILED)
    return EXIT_OK


def step_error_text(error: dict) -> str:
    """A step's error in one line, "Error 0013 (InvalidLearner): ..."; an interrupted step's has no code."""
    code, name, message = error.get("code"), error.get("name"), error.get("message", "")
    if not code:
        return message
    return f"Error {code}{f' ({name})' if name else ''}: {message}"


def print_job(job: JobRecord) -> None:
    duration = f" in {job.duration:.2f} s" if job.duration is not None else ""
    print(f"Job {job.id} ({job.display_name}): {job.status}{duration}")
    if job.error:
        print(f"  {job.error}")
    names = {s.node_id: s.name for s in job.steps}
    for node_id, metrics in job.metrics.items():
        print(f"  {names.get(node_id, node_id)}:")
        for name, value in metrics.items():
            print(f"    {name} = {value:.6g}")
