"""The `designer` command: run, validate, jobs, data sets and components, headless; plain `designer` opens the app."""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.datasets import DatasetError
from engine.drafts import DraftNotFound
from engine.engine import Engine, InvalidPipeline
from engine.events import StepEvent
from engine.job_store import JobNotFound, JobRecord
from engine.parameters import ParameterAssignmentError, parse_assignment
from engine.pipeline import Pipeline, PipelineFormatError
from engine.workspace import Workspace

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="designer", description="A local drag-and-drop machine-learning designer.")
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder (default: $DESIGNER_WORKSPACE or the "
                                                           "per-user data folder)")
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="submit a pipeline as a job and wait for it")
    run.add_argument("file", type=Path)
    run.add_argument("--experiment", default="Default")
    run.add_argument("--name", default="", help="display name of the job")
    run.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a pipeline parameter value")
    run.add_argument("--regenerate", action="store_true", help="run every step again instead of reusing outputs")
    run.add_argument("--json", action="store_true", help="print the job record as JSON")

    validate = sub.add_parser("validate", help="check a pipeline without running it")
    validate.add_argument("file", type=Path)
    validate.add_argument("--json", action="store_true")

    jobs = sub.add_parser("jobs", help="list, show or cancel jobs").add_subparsers(dest="jobs_command", required=True)
    jobs_list = jobs.add_parser("list")
    jobs_list.add_argument("--experiment")
    jobs_list.add_argument("--json", action="store_true")
    jobs_show = jobs.add_parser("show")
    jobs_show.add_argument("job_id")
    jobs_show.add_argument("--json", action="store_true")
    jobs.add_parser("cancel").add_argument("job_id")

    datasets = sub.add_parser("datasets", help="list or register data sets").add_subparsers(
        dest="datasets_command", required=True)
    datasets.add_parser("list").add_argument("--json", action="store_true")
    register = datasets.add_parser("register")
    register.add_argument("path", type=Path)
    register.add_argument("--name", required=True)
    register.add_argument("--description", default="")

    drafts = sub.add_parser("drafts", help="list, import, export, rename or delete drafts").add_subparsers(
        dest="drafts_command", required=True)
    drafts.add_parser("list").add_argument("--json", action="store_true")
    draft_import = drafts.add_parser("import")
    draft_import.add_argument("file", type=Path)
    draft_import.add_argument("--name")
    draft_export = drafts.add_parser("export")
    draft_export.add_argument("draft_id")
    draft_export.add_argument("file", type=Path)
    draft_rename = drafts.add_parser("rename")
    draft_rename.add_argument("draft_id")
    draft_rename.add_argument("name")
    drafts.add_parser("delete").add_argument("draft_id")
    jobs.add_parser("clone", help="copy a job's pipeline into a new draft").add_argument("job_id")

    sub.add_parser("components", help="list the component catalogue").add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        return _open_app(args.workspace)
    if args.command == "components":
        return _components(args)
    try:
        workspace = Workspace(args.workspace)
    except Exception as error:  # noqa: BLE001 - an unusable workspace folder is the user's to fix
        print(f"designer: cannot open the workspace: {error}", file=sys.stderr)
        return EXIT_INVALID
    with workspace:
        command = {"run": _run, "validate": _validate, "jobs": _jobs, "datasets": _datasets,
                   "drafts": _drafts}[args.command]
        return command(workspace, args)


def _open_app(workspace: str | None) -> int:
    try:
        app = importlib.import_module("designer_app.main")
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("designer_app"):
            print("designer: the desktop app is not built yet; use `designer run`, `designer validate`, "
                  "`designer jobs`, `designer datasets` or `designer components`.", file=sys.stderr)
            return EXIT_INVALID
        raise
    return app.main(workspace)


def _load(path: Path) -> Pipeline | None:
    try:
        return Pipeline.load(path)
    except PipelineFormatError as error:
        print(f"designer: {error}", file=sys.stderr)
        return None


def _validate(workspace: Workspace, args: argparse.Namespace) -> int:
    pipeline = _load(args.file)
    if pipeline is None:
        return EXIT_INVALID
    engine = Engine(workspace, max_workers=1)
    try:
        problems = engine.analyze(pipeline).problems
    finally:
        engine.close()
    if args.json:
        print(json.dumps([p.to_dict() for p in problems], indent=2))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not problems and not args.json:
        print(f"{args.file}: valid ({len(pipeline.nodes)} nodes)")
    return EXIT_INVALID if problems else EXIT_OK


class _Progress:
    """Prints one line per step event on stderr."""

    def __init__(self, total: int) -> None:
        self.total, self.ended = total, 0

    def __call__(self, event: Any) -> None:
        if not isinstance(event, StepEvent) or event.progress is not None or event.status == "Queued":
            return
        if event.status in ("Completed", "Reused", "Failed", "Canceled"):
            self.ended += 1
        text = f"[{self.ended:>3}/{self.total}] {event.name}: {event.status}"
        if event.duration is not None and event.status == "Completed":
            text += f" in {event.duration:.2f} s"
        if event.error:
            text += f" - Error {event.error['code']} ({event.error['name']}): {event.error['message']}"
        print(text, file=sys.stderr, flush=True)


def _run(workspace: Workspace, args: argparse.Namespace) -> int:
    pipeline = _load(args.file)
    if pipeline is None:
        return EXIT_INVALID
    engine = Engine(workspace)
    try:
        parameters = dict(parse_assignment(text) for text in args.param)
        engine.subscribe(_Progress(len(pipeline.nodes)))
        handle = engine.submit(pipeline, args.experiment, args.name, parameters=parameters,
                               regenerate=args.regenerate)
        print(f"Job {handle.id} submitted to experiment {args.experiment}", file=sys.stderr)
        try:
            job = handle.wait()
        except KeyboardInterrupt:
            handle.cancel()
            job = handle.wait()
    except (InvalidPipeline, ParameterAssignmentError) as error:
        print(f"designer: {error}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        engine.close()
    if args.json:
        print(json.dumps(job.to_dict(), indent=2, default=str))
    else:
        _print_job(job)
    return EXIT_OK if job.status == "Completed" else EXIT_FAILED


def _print_job(job: JobRecord) -> None:
    duration = f" in {job.duration:.2f} s" if job.duration is not None else ""
    print(f"Job {job.id} ({job.display_name}): {job.status}{duration}")
    if job.error:
        print(f"  {job.error}")
    names = {s.node_id: s.name for s in job.steps}
    for node_id, metrics in job.metrics.items():
        print(f"  {names.get(node_id, node_id)}:")
        for name, value in metrics.items():
            print(f"    {name} = {value:.6g}")


def _jobs(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        if args.jobs_command == "list":
            jobs = workspace.jobs.list(args.experiment)
            if args.json:
                print(json.dumps([{k: v for k, v in j.to_dict().items() if k != "steps"} for j in jobs], indent=2))
            for job in [] if args.json else jobs:
                print(f"{job.id}  {job.status:<10} {job.experiment:<20} {job.created}  {job.display_name}")
        elif args.jobs_command == "show":
            job = workspace.jobs.get(args.job_id)
            if args.json:
                print(json.dumps(job.to_dict(), indent=2, default=str))
            else:
                _print_job(job)
                for step in job.steps:
                    took = f" {step.duration:.2f} s" if step.duration is not None else ""
                    print(f"  - {step.name:<32} {step.status}{took}")
                    if step.error:
                        print(f"      Error {step.error['code']}: {step.error['message']}")
        elif args.jobs_command == "clone":
            job = workspace.jobs.get(args.job_id)
            draft_id = workspace.drafts.create(job.pipeline, f"{job.display_name} (clone)")
            print(f"Draft {draft_id} created from job {job.id}")
        else:
            engine = Engine(workspace, max_workers=1)
            try:
                engine.cancel(args.job_id)
            finally:
                engine.close()
            print(f"Cancel requested for job {args.job_id}")
    except JobNotFound as error:
        print(f"designer: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _datasets(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.datasets_command == "register":
        try:
            info = workspace.datasets.register(args.path, args.name, args.description)
        except DatasetError as error:
            print(f"designer: {error}", file=sys.stderr)
            return EXIT_FAILED
        print(f"Registered {info.name} version {info.version}: {info.row_count} rows, "
              f"{len(info.schema.columns)} columns")
        return EXIT_OK
    infos = workspace.datasets.list()
    if args.json:
        print(json.dumps([i.to_dict() for i in infos], indent=2))
    for info in [] if args.json else infos:
        print(f"{info.name} v{info.version}: {info.row_count} rows x {len(info.schema.columns)} columns"
              f"  {info.description}")
    return EXIT_OK


def _drafts(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        if args.drafts_command == "list":
            infos = workspace.drafts.list()
            if args.json:
                print(json.dumps([i.__dict__ for i in infos], indent=2))
            for info in [] if args.json else infos:
                print(f"{info.id}  {info.modified}  {info.name}")
        elif args.drafts_command == "import":
            pipeline = _load(args.file)
            if pipeline is None:
                return EXIT_INVALID
            print(f"Draft {workspace.drafts.create(pipeline, args.name)} imported from {args.file}")
        elif args.drafts_command == "export":
            args.file.write_text(workspace.drafts.load(args.draft_id).to_json() + "\n", encoding="utf-8")
            print(f"Draft {args.draft_id} exported to {args.file}")
        elif args.drafts_command == "rename":
            workspace.drafts.rename(args.draft_id, args.name)
        else:
            workspace.drafts.delete(args.draft_id)
    except DraftNotFound as error:
        print(f"designer: {error}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _components(args: argparse.Namespace) -> int:
    from nodes.registry import default_registry
    components = list(default_registry())
    if args.json:
        print(json.dumps([c.to_dict() for c in components], indent=2))
        return EXIT_OK
    for component in components:
        print(f"{component.category:<28} {component.name:<36} {component.id}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
