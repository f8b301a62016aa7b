"""The `designer` command: everything the app does, headless; plain `designer` opens the desktop app."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from engine.cli import datasets, drafts, jobs, run
from engine.cli.common import EXIT_INVALID, EXIT_OK, print_json
from engine.workspace import Workspace
from nodes.registry import default_registry


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="designer", description="A local drag-and-drop machine-learning designer.")
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder (default: $DESIGNER_WORKSPACE or the "
                                                           "per-user data folder)")
    sub = parser.add_subparsers(dest="command")
    for group in (run, jobs, datasets, drafts):
        group.register(sub)
    components = sub.add_parser("components", help="list the component catalogue")
    components.add_argument("--json", action="store_true")
    components.set_defaults(handler=_components, workspace_free=True)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        return _open_app(args.workspace)
    if getattr(args, "workspace_free", False):
        return args.handler(args)
    try:
        workspace = Workspace(args.workspace)
    except Exception as error:  # noqa: BLE001 - an unusable workspace folder is the user's to fix
        print(f"designer: cannot open the workspace: {error}", file=sys.stderr)
        return EXIT_INVALID
    with workspace:
        try:
            return args.handler(workspace, args)
        except BrokenPipeError:  # e.g. `designer jobs output ... | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_OK


def _open_app(workspace: str | None) -> int:
    try:
        app = importlib.import_module("designer_app.main")
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("designer_app"):
            print("designer: the desktop app is not installed; use `designer run`, `designer validate`, "
                  "`designer jobs`, `designer datasets` or `designer components`.", file=sys.stderr)
            return EXIT_INVALID
        raise
    return app.main(workspace)


def _components(args: argparse.Namespace) -> int:
    components = list(default_registry())
    if args.json:
        print_json([c.to_dict() for c in components])
        return EXIT_OK
    for component in components:
        print(f"{component.category:<28} {component.name:<36} {component.id}")
    return EXIT_OK
