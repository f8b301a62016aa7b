"""What `designer datasets` does: list, register and delete data sets."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from engine.cli.common import EXIT_OK, answer, dispatch, fail
from engine.datasets import DatasetError
from engine.workspace import Workspace
from nodes.read_options import ReadOptions, parse_delimiter

PROGRESS_BYTES = 50 << 20  # files from this size on show their progress on stderr
PROGRESS_SECONDS = 0.5  # between two progress lines


class StderrProgress:
    """`progress(done, total)` for a registration: "Reading big.csv: 40% (432 of 1,080 MB)" on stderr, at most
    every PROGRESS_SECONDS, and the last line when done."""

    def __init__(self, path: Path) -> None:
        self.name, self.shown, self.done = path.name, 0.0, -1

    def __call__(self, done: int, total: int) -> None:
        if done == self.done or done < total and time.monotonic() - self.shown < PROGRESS_SECONDS:
            return
        self.shown, self.done = time.monotonic(), done
        print(f"Reading {self.name}: {done * 100 // max(total, 1)}% ({done >> 20:,} of {total >> 20:,} MB)",
              file=sys.stderr, flush=True)


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"list": list_datasets, "register": register_dataset, "delete": delete_dataset}
    return dispatch(commands, args.datasets_command, workspace, args, (DatasetError,))


def list_datasets(workspace: Workspace, args: argparse.Namespace) -> int:
    infos = workspace.datasets.list()
    return answer(args, [i.to_dict() for i in infos],
                  (f"{i.name} v{i.version}: {i.row_count} rows x {len(i.schema.columns)} columns  {i.description}"
                   for i in infos))


def register_dataset(workspace: Workspace, args: argparse.Namespace) -> int:
    options = ReadOptions(parse_delimiter(args.delimiter), args.header, args.encoding or None, tuple(args.missing))
    big = args.path.is_file() and args.path.stat().st_size >= PROGRESS_BYTES
    info = workspace.datasets.register(args.path, args.name, args.description, options=options,
                                       progress=StderrProgress(args.path) if big else None)
    print(f"Registered {info.name} version {info.version}: {info.row_count} rows, {len(info.schema.columns)} columns")
    print(f"Read as {info.read_as}")
    for column in info.schema.columns:
        print(f"  {column.name}: {column.type.value}")
    return EXIT_OK


def delete_dataset(workspace: Workspace, args: argparse.Namespace) -> int:
    count = workspace.delete_dataset(args.name, args.version)
    if not count:
        return fail(f'no data set "{args.name}"' + (f" version {args.version}" if args.version else ""))
    print(f"Deleted {count} version(s) of {args.name}")
    return EXIT_OK
