"""`designer models`: the arguments to register, list and show registered models and transformations."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    models = sub.add_parser("models", help="register, list or show models and transformations")
    models.set_defaults(handler=Lazy("engine.cli._models", "handle"))
    commands = models.add_subparsers(dest="models_command", required=True)
    add = commands.add_parser("register", help="register a step's trained model or fitted transformation "
                                               "(a new version of its name)")
    add.add_argument("job_id")
    add.add_argument("node", help="node UUID, or the step's name if it is unique in the job")
    add.add_argument("--port", help="the output to register (default: the step's one model or transformation)")
    add.add_argument("--name", help='default: "<pipeline>-<step>"')
    add.add_argument("--description", default="")
    add.add_argument("--json", action="store_true")
    listing = commands.add_parser("list")
    listing.add_argument("--kind", choices=("model", "transformation"))
    listing.add_argument("--json", action="store_true")
    show = commands.add_parser("show")
    show.add_argument("name")
    show.add_argument("--version", type=int, help="default: the latest")
    show.add_argument("--json", action="store_true")
