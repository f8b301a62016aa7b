"""`designer deploy` and `designer endpoints`: the arguments to deploy real-time inference jobs as online endpoints
and manage them and their keys."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    deploy = sub.add_parser("deploy", help="deploy a completed real-time inference job as an online endpoint (a "
                                           "new version when the name exists)")
    deploy.add_argument("job", metavar="JOB", help="the id of a completed job of a real-time inference pipeline")
    deploy.add_argument("--name", required=True, help="the endpoint (3-32 letters, digits, dashes)")
    deploy.add_argument("--json", action="store_true")
    deploy.set_defaults(handler=Lazy("engine.cli._online", "deploy"))
    endpoints = sub.add_parser("endpoints", help="list, show or delete online endpoints; regenerate their keys")
    endpoints.set_defaults(handler=Lazy("engine.cli._online", "handle"))
    commands = endpoints.add_subparsers(dest="endpoints_command", required=True)
    commands.add_parser("list").add_argument("--json", action="store_true")
    show = commands.add_parser("show")
    show.add_argument("name")
    show.add_argument("--json", action="store_true")
    keys = commands.add_parser("keys", help="the endpoint's keys (kept only as hashes): regenerate one to see it")
    keys.add_argument("name")
    keys.add_argument("--regenerate", choices=("primary", "secondary"),
                      help="replace this key (the old one stops working) and print the new one once")
    keys.add_argument("--json", action="store_true")
    commands.add_parser("delete").add_argument("name")
