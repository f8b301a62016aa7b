"""`designer datasets`: the arguments to list, register and delete data sets."""
from __future__ import annotations

import argparse
from pathlib import Path

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    datasets = sub.add_parser("datasets", help="list, register or delete data sets")
    datasets.set_defaults(handler=Lazy("engine.cli._datasets", "handle"))
    commands = datasets.add_subparsers(dest="datasets_command", required=True)
    commands.add_parser("list").add_argument("--json", action="store_true")
    add = commands.add_parser("register", help="register a CSV, TSV or Parquet file (a new version of a name)")
    add.add_argument("path", type=Path)
    add.add_argument("--name", required=True)
    add.add_argument("--description", default="")
    add.add_argument("--delimiter", help="one character or comma, semicolon, tab, pipe, space (default: found from "
                                         "the header line of a .csv, tab for a .tsv)")
    add.add_argument("--no-header", dest="header", action="store_false",
                     help="the first line is data; the columns are named col1..colN")
    add.add_argument("--encoding", help="the text encoding (default: UTF-8, else Latin-1)")
    add.add_argument("--missing", action="append", default=[], metavar="MARKER",
                     help='a value read as missing, such as "?" (repeatable; "", NA, NaN, null are missing anyway)')
    delete = commands.add_parser("delete", help="delete a data set (refused while a draft uses it)")
    delete.add_argument("name")
    delete.add_argument("--version", type=int)
