"""The `designer` command line: everything the app does, headless. The console script itself lives in the GUI
layer, above this one, and opens the desktop app when no command is given.

Each command module (`run`, `jobs`, ...) only declares its arguments; its handlers live in the `_` module
beside it and are imported through `nodes.lazy.Lazy` when the command runs, so that parsing the command line
and `designer components` load no engine, no workspace and no ML library.
"""
from __future__ import annotations

import argparse
import atexit
import gc as garbage_collector
from collections.abc import Sequence

from engine.cli import compute, datasets, drafts, gc, inference, jobs, models, online, publishing, run, serve, tokens
from engine.cli.common import EXIT_INVALID
from nodes.lazy import Lazy

OPEN_THE_APP = "Run `designer` without a command to open the desktop app."
in_workspace = Lazy("engine.cli._common", "in_workspace")
# The interpreter's last garbage collection walks every object still alive (after a 1M-row job, 0.3 s) though the
# process is ending: frozen objects are skipped. Exit handlers (temporary files, pools) run as before.
atexit.register(garbage_collector.freeze)


def parser() -> argparse.ArgumentParser:
    """The whole command line; `command` is None when no command was given."""
    parser = argparse.ArgumentParser(prog="designer", description="A local drag-and-drop machine-learning designer.",
                                     epilog=OPEN_THE_APP)
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder (default: $DESIGNER_WORKSPACE or the "
                                                           "per-user data folder)")
    sub = parser.add_subparsers(dest="command")
    for group in (run, jobs, datasets, drafts, gc, inference, models, publishing, online, serve, tokens, compute):
        group.register(sub)
    components = sub.add_parser("components", help="list the component catalogue")
    shape = components.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true")
    shape.add_argument("--markdown", action="store_true",
                       help="the component reference in Markdown (docs/components.md is this output)")
    components.set_defaults(handler=Lazy("engine.cli._components", "list_components"), workspace_free=True)
    return parser


def execute(args: argparse.Namespace) -> int:
    """Run the parsed command, in its workspace unless it needs none; returns the exit code."""
    if getattr(args, "workspace_free", False):
        return args.handler(args)
    return in_workspace(args)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m engine.cli`: the commands only; without one, the help and how to open the app."""
    command_line = parser()
    args = command_line.parse_args(argv)
    if args.command is None:
        command_line.print_help()
        return EXIT_INVALID
    return execute(args)
