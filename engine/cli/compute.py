"""`designer compute`: the arguments to list, add, remove and test compute targets."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    compute = sub.add_parser("compute", help="list, add, remove or test the compute targets jobs run on")
    compute.set_defaults(handler=Lazy("engine.cli._compute", "handle"))
    commands = compute.add_subparsers(dest="compute_command", required=True)
    commands.add_parser("list", help="the built-in targets and the workspace's Dask clusters").add_argument(
        "--json", action="store_true")
    add = commands.add_parser("add", help="store a Dask cluster as a compute target")
    add.add_argument("name")
    add.add_argument("--kind", choices=["dask"], default="dask")
    add.add_argument("--address", required=True, metavar="tcp://HOST:PORT", help="the Dask scheduler's address")
    add.add_argument("--dashboard", default="", metavar="URL", help="the link to the cluster's Dask dashboard")
    commands.add_parser("remove").add_argument("name")
    test = commands.add_parser("test", help="connect; report the workers, their cores, memory and versions")
    test.add_argument("name")
    test.add_argument("--json", action="store_true")
