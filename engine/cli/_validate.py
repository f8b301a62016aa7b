"""What `designer validate` does: check a pipeline as submitting it would, without the job machinery."""
from __future__ import annotations

import argparse
import sys

from engine.cli._common import load_pipeline
from engine.cli.common import EXIT_INVALID, EXIT_OK, print_json
from engine.compute_targets import StoredTargets
from engine.validation import analyze
from engine.workspace import Workspace
from nodes.registry import default_registry


def validate_pipeline(workspace: Workspace, args: argparse.Namespace) -> int:
    pipeline = load_pipeline(args.file)
    if pipeline is None:
        return EXIT_INVALID
    computes = StoredTargets(workspace.store).names()
    problems = analyze(pipeline, default_registry(), workspace.datasets, computes).problems
    if args.json:
        print_json([p.to_dict() for p in problems])
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not problems and not args.json:
        print(f"{args.file}: valid ({len(pipeline.nodes)} nodes)")
    return EXIT_INVALID if problems else EXIT_OK
