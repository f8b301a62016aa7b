"""What `designer jobs output` does: write a step's data set output as CSV (on stdout or in a file) or Parquet."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from engine.artifacts import ArtifactError
from engine.cli._common import silence_stdout, write_user_file
from engine.cli.common import EXIT_OK, fail
from engine.engine import Engine
from engine.workspace import Workspace
from nodes.table import Table


def write_output(workspace: Workspace, args: argparse.Namespace) -> int:
    job = workspace.jobs.get(args.job_id)
    matches = [s for s in job.steps if args.node in (s.node_id, s.name, s.component)]
    if len(matches) != 1:
        names = ", ".join(f"{s.name} ({s.node_id})" for s in job.steps)
        return fail(f'"{args.node}" names {len(matches)} steps of job {job.id}; use a node UUID ({names})')
    engine = Engine(workspace, max_workers=1)
    try:
        value = engine.output(job.id, matches[0].node_id, args.port)
    except KeyError as error:
        return fail(error.args[0])
    except ArtifactError as error:
        return fail(error)
    finally:
        engine.close()
    if not isinstance(value, Table):
        return fail(f'"{args.port}" is a {type(value).__name__}, not a data set')
    if args.output is None:
        return _to_stdout(value.frame)

    def write(path: Path) -> None:
        if args.output.suffix.lower() == ".parquet":
            value.frame.to_parquet(path, index=False)
        else:
            value.frame.to_csv(path, index=False)
    return write_user_file(workspace, args.output, args.force, write)


def _to_stdout(frame: pd.DataFrame) -> int:
    try:
        frame.to_csv(sys.stdout, index=False)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:  # e.g. `> /dev/full`
        silence_stdout()
        return fail(f"cannot write to the standard output: {error.strerror or error}")
    return EXIT_OK
