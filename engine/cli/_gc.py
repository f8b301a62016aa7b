"""What `designer gc` does: collect the workspace's unreferenced artifacts and report what was freed."""
from __future__ import annotations

import argparse
from datetime import timedelta

from engine.cli.common import EXIT_OK, fail, print_json
from engine.gc import GcRefused, collect_garbage
from engine.workspace import Workspace


def collect(workspace: Workspace, args: argparse.Namespace) -> int:
    try:
        report = collect_garbage(workspace, grace=timedelta(minutes=args.grace_minutes), dry_run=args.dry_run)
    except GcRefused as error:
        return fail(error)
    if args.json:
        print_json(report.to_dict())
    else:
        print(report.summary())
    return EXIT_OK
