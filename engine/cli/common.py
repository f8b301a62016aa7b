"""What the `designer` subcommands share: exit codes, error output, loading a pipeline file, printing a job."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine.job_store import JobRecord
from engine.pipeline import Pipeline, PipelineFormatError

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def fail(message: object, code: int = EXIT_FAILED) -> int:
    print(f"designer: {message}", file=sys.stderr)
    return code


def dispatch(commands: dict[str, Callable[..., int]], name: str, workspace: Any, args: Any,
             expected: tuple[type[Exception], ...]) -> int:
    """Run subcommand `name`; an expected error (a missing job, draft, data set...) is reported, not raised."""
    try:
        return commands[name](workspace, args)
    except expected as error:
        return fail(error)


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, default=str))


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
