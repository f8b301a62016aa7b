"""What `designer drafts` does: list, import, export, rename and delete drafts."""
from __future__ import annotations

import argparse
from dataclasses import asdict

from engine.cli._common import load_pipeline, write_user_file
from engine.cli.common import EXIT_INVALID, EXIT_OK, dispatch, print_json
from engine.drafts import DraftNotFound
from engine.workspace import Workspace


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"list": list_drafts, "import": import_draft, "export": export_draft, "rename": rename_draft,
                "delete": delete_draft}
    return dispatch(commands, args.drafts_command, workspace, args, (DraftNotFound,))


def list_drafts(workspace: Workspace, args: argparse.Namespace) -> int:
    infos = workspace.drafts.list()
    if args.json:
        print_json([asdict(i) for i in infos])
        return EXIT_OK
    for info in infos:
        print(f"{info.id}  {info.modified}  {info.name}")
    return EXIT_OK


def import_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    pipeline = load_pipeline(args.file)
    if pipeline is None:
        return EXIT_INVALID
    print(f"Draft {workspace.drafts.create(pipeline, args.name)} imported from {args.file}")
    return EXIT_OK


def export_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    text = workspace.drafts.load(args.draft_id).to_json() + "\n"
    code = write_user_file(workspace, args.file, args.force, lambda path: path.write_text(text, encoding="utf-8"))
    if code == EXIT_OK:
        print(f"Draft {args.draft_id} exported to {args.file}")
    return code


def rename_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    workspace.drafts.rename(args.draft_id, args.name)
    return EXIT_OK


def delete_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    workspace.drafts.delete(args.draft_id)
    return EXIT_OK
