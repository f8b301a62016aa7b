"""What `designer jobs` does: list, show, cancel and clone jobs, and write a step's data set output."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from engine.artifacts import ArtifactError
from engine.cli._common import print_job, silence_stdout, step_error_text, write_user_file
from engine.cli.common import EXIT_OK, dispatch, fail, print_json
from engine.engine import Engine
from engine.job_store import FINAL, JobNotFound
from engine.workspace import Workspace
from nodes.table import Table


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"list": list_jobs, "show": show_job, "cancel": cancel_job, "clone": clone_job, "output": write_output}
    return dispatch(commands, args.jobs_command, workspace, args, (JobNotFound,))


def list_jobs(workspace: Workspace, args: argparse.Namespace) -> int:
    jobs = workspace.jobs.list(args.experiment)
    if args.json:
        print_json([{k: v for k, v in j.to_dict().items() if k != "steps"} for j in jobs])
        return EXIT_OK
    for job in jobs:
        print(f"{job.id}  {job.status:<10} {job.experiment:<20} {job.created}  {job.display_name}")
    return EXIT_OK


def show_job(workspace: Workspace, args: argparse.Namespace) -> int:
    job = workspace.jobs.get(args.job_id)
    if args.json:
        print_json(job.to_dict())
        return EXIT_OK
    print_job(job)
    for step in job.steps:
        took = f" {step.duration:.2f} s" if step.duration is not None else ""
        print(f"  - {step.name:<32} {step.status}{took}")
        if step.error:
            print(f"      {step_error_text(step.error)}")
    return EXIT_OK


def cancel_job(workspace: Workspace, args: argparse.Namespace) -> int:
    status = workspace.jobs.get_status(args.job_id)
    if status in FINAL:
        return fail(f"job {args.job_id} has already ended ({status})")
    engine = Engine(workspace, max_workers=1)
    try:
        engine.cancel(args.job_id)
    finally:
        engine.close()
    print(f"Cancel requested for job {args.job_id}")
    return EXIT_OK


def clone_job(workspace: Workspace, args: argparse.Namespace) -> int:
    job = workspace.jobs.get(args.job_id)
    draft_id = workspace.drafts.create(job.pipeline, f"{job.display_name} (clone)")
    print(f"Draft {draft_id} created from job {job.id}")
    return EXIT_OK


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
