"""`designer token`: the arguments to create, list and revoke workspace tokens."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    token = sub.add_parser("token", help="create, list or revoke the workspace tokens the server accepts")
    token.set_defaults(handler=Lazy("engine.cli._tokens", "handle"))
    commands = token.add_subparsers(dest="token_command", required=True)
    create = commands.add_parser("create", help="a new token; its secret is shown once")
    create.add_argument("--name", default="")
    create.add_argument("--json", action="store_true")
    commands.add_parser("list").add_argument("--json", action="store_true")
    commands.add_parser("revoke").add_argument("token_id")
