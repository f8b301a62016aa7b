"""`designer run` (submit a pipeline and wait, with progress) and `designer validate`: their arguments."""
from __future__ import annotations

import argparse
from pathlib import Path

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    run = sub.add_parser("run", help="submit a pipeline as a job and wait for it")
    run.add_argument("file", type=Path)
    run.add_argument("--experiment", default="Default")
    run.add_argument("--name", default="", help="display name of the job")
    run.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a pipeline parameter value")
    run.add_argument("--regenerate", action="store_true", help="run every step again instead of reusing outputs")
    run.add_argument("--json", action="store_true", help="print the job record as JSON")
    run.add_argument("--compute", metavar="NAME", help="the compute target to run on instead of the pipeline's default "
                                                       "(`designer compute list`)")
    run.set_defaults(handler=Lazy("engine.cli._run", "run_pipeline"))
    validate = sub.add_parser("validate", help="check a pipeline without running it")
    validate.add_argument("file", type=Path)
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(handler=Lazy("engine.cli._validate", "validate_pipeline"))
