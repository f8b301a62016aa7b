"""`designer gc`: the arguments to remove the artifacts nothing refers to."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    gc = sub.add_parser("gc", help="remove the artifacts that no job or data set refers to; say what it freed")
    gc.add_argument("--dry-run", action="store_true", help="report what would be removed, remove nothing")
    gc.add_argument("--grace-minutes", type=_minutes, default=10.0, metavar="N",
                    help="leave anything written in the last N minutes (default 10)")
    gc.add_argument("--json", action="store_true")
    gc.set_defaults(handler=Lazy("engine.cli._gc", "collect"))


def _minutes(text: str) -> float:
    try:
        minutes = float(text)
    except ValueError:
        minutes = -1.0
    if not minutes >= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes (0 or more)")
    return minutes
