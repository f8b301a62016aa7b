"""What `designer jobs` does: list, show, cancel and clone jobs (writing a step's output is `_job_output`)."""
from __future__ import annotations

import argparse

from engine.cli._common import print_job, step_error_text
from engine.cli.common import EXIT_OK, dispatch, fail, print_json
from engine.job_store import FINAL, JobNotFound
from engine.workspace import Workspace
from nodes.lazy import Lazy

write_output = Lazy("engine.cli._job_output", "write_output")


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
    workspace.jobs.request_cancel(args.job_id)  # the process running it cancels it
    print(f"Cancel requested for job {args.job_id}")
    return EXIT_OK


def clone_job(workspace: Workspace, args: argparse.Namespace) -> int:
    job = workspace.jobs.get(args.job_id)
    draft_id = workspace.drafts.create(job.pipeline, f"{job.display_name} (clone)")
    print(f"Draft {draft_id} created from job {job.id}")
    return EXIT_OK
