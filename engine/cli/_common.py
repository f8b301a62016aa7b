"""What the command handlers share: running one in its workspace, loading a pipeline file, printing a job."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from engine.cli.common import EXIT_INVALID, EXIT_OK, fail
from engine.job_store import JobRecord
from engine.pipeline import Pipeline, PipelineFormatError
from engine.workspace import Workspace


def in_workspace(args: argparse.Namespace) -> int:
    """Run `args.handler(workspace, args)` in the workspace `args.workspace` names (None: the default one)."""
    try:
        workspace = Workspace(args.workspace)
    except Exception as error:  # noqa: BLE001 - an unusable workspace folder is the user's to fix
        return fail(f"cannot open the workspace: {error}", EXIT_INVALID)
    with workspace:
        try:
            return args.handler(workspace, args)
        except BrokenPipeError:  # e.g. `designer jobs output ... | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK


def load_pipeline(path: Path) -> Pipeline | None:
    """The pipeline in `path`, or None after saying what is wrong with it."""
    try:
        return Pipeline.load(path)
    except PipelineFormatError as error:
        fail(error)
        return None


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
