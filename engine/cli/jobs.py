"""`designer jobs`: the arguments to list, show, cancel and clone jobs, and write a step's output."""
from __future__ import annotations

import argparse
from pathlib import Path

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    jobs = sub.add_parser("jobs", help="list, show, cancel or clone jobs; write a step's output")
    jobs.set_defaults(handler=Lazy("engine.cli._jobs", "handle"))
    commands = jobs.add_subparsers(dest="jobs_command", required=True)
    listing = commands.add_parser("list")
    listing.add_argument("--experiment")
    listing.add_argument("--json", action="store_true")
    show = commands.add_parser("show")
    show.add_argument("job_id")
    show.add_argument("--json", action="store_true")
    commands.add_parser("cancel").add_argument("job_id")
    commands.add_parser("clone", help="copy a job's pipeline into a new draft").add_argument("job_id")
    output = commands.add_parser("output", help="write a step's data set output as CSV (or Parquet)")
    output.add_argument("job_id")
    output.add_argument("node", help="node UUID, or the component's name or id (e.g. split_data) if it is unique "
                                     "in the job")
    output.add_argument("port", help='output port, e.g. "Scored dataset"')
    output.add_argument("-o", "--output", type=Path, help="a .csv or .parquet file outside the workspace (default: "
                                                          "CSV on stdout)")
    output.add_argument("--force", action="store_true", help="replace the file if it exists")
