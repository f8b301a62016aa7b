"""What every `designer` command shares, light enough for parsing: exit codes, error output, dispatch, JSON."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_INTERRUPTED = 0, 1, 2, 130
"""Done; failed (or not found, or a job that Failed or was Canceled); invalid input, nothing done; Ctrl+C."""


def fail(message: object, code: int = EXIT_FAILED) -> int:
    print(f"designer: {message}", file=sys.stderr)
    return code


def dispatch(commands: dict[str, Callable[..., int]], name: str, workspace: Any, args: Any,
             expected: tuple[type[Exception], ...]) -> int:
    """Run subcommand `name`; an expected error (a missing job, draft, data set...) is reported, not raised."""
    try:
        return commands[name](workspace, args)
    except expected as error:
        return fail(error)


def print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, default=str))


def answer(args: Any, data: Any, lines: Iterable[str]) -> int:
    """What a listing prints: `data` as JSON with --json, the text lines otherwise; exit 0."""
    if args.json:
        print_json(data)
    else:
        for line in lines:
            print(line)
    return EXIT_OK
