"""`designer drafts`: the arguments to list, import, export, rename and delete drafts, and to set node
parameters of one."""
from __future__ import annotations

import argparse
from pathlib import Path

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    drafts = sub.add_parser("drafts", help="list, import, export, rename or delete drafts, or set node parameters of one")
    drafts.set_defaults(handler=Lazy("engine.cli._drafts", "handle"))
    commands = drafts.add_subparsers(dest="drafts_command", required=True)
    commands.add_parser("list").add_argument("--json", action="store_true")
    importing = commands.add_parser("import")
    importing.add_argument("file", type=Path)
    importing.add_argument("--name")
    exporting = commands.add_parser("export")
    exporting.add_argument("draft_id")
    exporting.add_argument("file", type=Path, help="a .json file outside the workspace")
    exporting.add_argument("--force", action="store_true", help="replace the file if it exists")
    rename = commands.add_parser("rename")
    rename.add_argument("draft_id")
    rename.add_argument("name")
    commands.add_parser("delete").add_argument("draft_id")
    setting = commands.add_parser("set", help="set parameters of a node, e.g. the model or version of an MD- node")
    setting.add_argument("draft_id")
    setting.add_argument("node", help="the node's id, or its component's name when one node has it")
    setting.add_argument("assignments", nargs="+", metavar="PARAM=VALUE", help="an empty VALUE clears it")
