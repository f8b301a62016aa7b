"""`designer publish` and `designer pipelines`: the arguments to publish pipelines and manage their endpoints."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    publish = sub.add_parser("publish", help="publish a pipeline file, draft or job as a new version of a "
                                             "pipeline endpoint")
    publish.add_argument("source", metavar="FILE|DRAFT|JOB", help="a pipeline file, a draft id or a job id")
    publish.add_argument("--endpoint", required=True, help="the pipeline endpoint (created if new)")
    publish.add_argument("--description", default="")
    publish.add_argument("--default", action="store_true", help="make the new version the endpoint's default")
    publish.add_argument("--json", action="store_true")
    publish.set_defaults(handler=Lazy("engine.cli._publishing", "publish"))
    pipelines = sub.add_parser("pipelines", help="list or show pipeline endpoints; set the default version; "
                                                 "disable a version")
    pipelines.set_defaults(handler=Lazy("engine.cli._publishing", "handle"))
    commands = pipelines.add_subparsers(dest="pipelines_command", required=True)
    commands.add_parser("list").add_argument("--json", action="store_true")
    show = commands.add_parser("show")
    show.add_argument("name")
    show.add_argument("--json", action="store_true")
    default = commands.add_parser("default", help="make a version the one called without ?version=")
    default.add_argument("name")
    default.add_argument("version", type=int)
    disable = commands.add_parser("disable", help="refuse calls to a version (it is kept)")
    disable.add_argument("name")
    disable.add_argument("version", type=int)
