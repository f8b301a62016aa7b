"""The `designer` console script: the desktop app when no command is given, otherwise the command line.

It sits in the GUI layer because it sees both; it imports Qt and the app only when the app opens, so that
`designer components` and the other commands start as light as `python -m engine.cli`.
"""
from __future__ import annotations

from collections.abc import Sequence

from engine import cli
from nodes.lazy import Lazy

open_app = Lazy("designer_app.main", "main")


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parser().parse_args(argv)
    if args.command is None:
        return open_app(args.workspace)
    return cli.execute(args)
