"""What `designer datasets` does: list, register and delete data sets."""
from __future__ import annotations

import argparse

from engine.cli.common import EXIT_OK, answer, dispatch, fail
from engine.datasets import DatasetError
from engine.workspace import Workspace
from nodes.reading import ReadOptions, parse_delimiter


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
    info = workspace.datasets.register(args.path, args.name, args.description, options=options)
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
