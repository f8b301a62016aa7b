"""What `designer publish` and `designer pipelines` do."""
from __future__ import annotations

import argparse
from pathlib import Path

from engine.cli._common import load_pipeline
from engine.cli.common import EXIT_INVALID, EXIT_OK, answer, dispatch, fail, print_json
from engine.drafts import DraftNotFound
from engine.engine import InvalidPipeline
from engine.job_store import JobNotFound
from engine.pipeline import Pipeline
from engine.publishing import PipelineEndpoint, PipelineEndpoints, PublishingError
from engine.workspace import Workspace


def publish(workspace: Workspace, args: argparse.Namespace) -> int:
    found = _source(workspace, args.source)
    if found is None:
        return EXIT_INVALID
    pipeline, source = found
    try:
        published = PipelineEndpoints(workspace).publish(pipeline, args.endpoint, description=args.description,
                                                         make_default=args.default or None, source=source)
    except (InvalidPipeline, PublishingError, ValueError) as error:
        return fail(error, EXIT_INVALID)
    if args.json:
        print_json({"endpoint": published.endpoint, "version": published.version, "default": published.default})
    else:
        default = " (default)" if published.default else ""
        print(f"Published {source} as version {published.version} of {published.endpoint}{default}")
    return EXIT_OK


def _source(workspace: Workspace, text: str) -> tuple[Pipeline, str] | None:
    """The pipeline a file, draft id or completed job id names, with that source; None after saying why not."""
    if Path(text).is_file():
        pipeline = load_pipeline(Path(text))
        return (pipeline, f"file {Path(text).resolve()}") if pipeline else None
    try:
        return workspace.drafts.load(text), f"draft {text}"
    except DraftNotFound:
        pass
    try:
        job = workspace.jobs.get(text)
    except JobNotFound:
        fail(f'"{text}" is not a pipeline file, a draft id or a job id')
        return None
    if job.status != "Completed":
        fail(f"job {job.id} is {job.status}; only a completed job can be published")
        return None
    return job.pipeline, f"job {job.id}"


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"list": list_endpoints, "show": show_endpoint, "default": set_default, "disable": disable_version}
    return dispatch(commands, args.pipelines_command, workspace, args, (PublishingError,))


def list_endpoints(workspace: Workspace, args: argparse.Namespace) -> int:
    endpoints = PipelineEndpoints(workspace).list()
    return answer(args, [e.to_dict() for e in endpoints],
                  (f"{e.name}: {len(e.versions)} version(s), default {e.default_version}  {e.description}"
                   for e in endpoints))


def show_endpoint(workspace: Workspace, args: argparse.Namespace) -> int:
    endpoint = PipelineEndpoints(workspace).get(args.name)
    if args.json:
        print_json(endpoint.to_dict())
        return EXIT_OK
    _print_endpoint(endpoint)
    return EXIT_OK


def _print_endpoint(endpoint: PipelineEndpoint) -> None:
    print(f"{endpoint.name}  {endpoint.description}")
    for version in endpoint.versions:
        marks = [m for m, on in (("default", version.default), ("disabled", version.disabled)) if on]
        print(f"  v{version.version} {version.created} {', '.join(marks):<17} {version.source}  {version.description}")
        for parameter in version.pipeline.parameters:
            print(f"      {parameter.name} ({parameter.kind}) = {parameter.default!r}")


def set_default(workspace: Workspace, args: argparse.Namespace) -> int:
    PipelineEndpoints(workspace).set_default(args.name, args.version)
    print(f"Version {args.version} is now the default of {args.name}")
    return EXIT_OK


def disable_version(workspace: Workspace, args: argparse.Namespace) -> int:
    PipelineEndpoints(workspace).disable(args.name, args.version)
    print(f"Version {args.version} of {args.name} is disabled")
    return EXIT_OK
