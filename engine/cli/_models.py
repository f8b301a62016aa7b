"""What `designer models` does: register, list and show registered models and transformations."""
from __future__ import annotations

import argparse

from engine.assets import AssetError, AssetInfo
from engine.cli.common import EXIT_OK, answer, dispatch, print_json
from engine.job_store import JobNotFound
from engine.workspace import Workspace


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"register": register_asset, "list": list_assets, "show": show_asset}
    return dispatch(commands, args.models_command, workspace, args, (AssetError, JobNotFound))


def register_asset(workspace: Workspace, args: argparse.Namespace) -> int:
    info = workspace.assets.register(args.job_id, args.node, port=args.port, name=args.name,
                                     description=args.description)
    if args.json:
        print_json(info.to_dict())
    else:
        print(f"Registered {info.kind} {info.name} version {info.version}")
    return EXIT_OK


def list_assets(workspace: Workspace, args: argparse.Namespace) -> int:
    infos = workspace.assets.list(args.kind)
    return answer(args, [i.to_dict() for i in infos],
                  (f"{i.kind:<15} {i.name} v{i.version}  job {i.job_id or '-'}  {i.created}" for i in infos))


def show_asset(workspace: Workspace, args: argparse.Namespace) -> int:
    info = workspace.assets.get(args.name, args.version)
    if args.json:
        print_json(info.to_dict())
        return EXIT_OK
    _print(info)
    return EXIT_OK


def _print(info: AssetInfo) -> None:
    print(f"{info.kind.capitalize()} {info.name} version {info.version} ({info.created})")
    if info.description:
        print(f"  {info.description}")
    print(f"  from job {info.job_id or '-'}, step {info.node_id or '-'}, output {info.port or '-'}")
    for step, metrics in info.metrics.items():
        print(f"  {step}:")
        for name, value in metrics.items():
            print(f"    {name} = {value:.6g}")
    if info.input_schema is not None:
        print("  fitted on: " + ", ".join(f"{c.name} ({c.type.value})" for c in info.input_schema.columns))
