"""What `designer inference` does: create an inference pipeline draft from a completed training job."""
from __future__ import annotations

import argparse
import sys

from engine.assets import AssetError
from engine.cli.common import EXIT_OK, dispatch, print_json
from engine.inference import InferenceError, create_inference_pipeline
from engine.job_store import JobNotFound
from engine.workspace import Workspace


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    return dispatch({"create": create}, args.inference_command, workspace, args,
                    (InferenceError, AssetError, JobNotFound))


def create(workspace: Workspace, args: argparse.Namespace) -> int:
    pipeline, warnings = create_inference_pipeline(workspace, args.job_id, args.kind, args.name)
    draft_id = workspace.drafts.create(pipeline, pipeline.name)
    if args.json:
        print_json({"draft_id": draft_id, "warnings": warnings})
        return EXIT_OK
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(draft_id)
    return EXIT_OK
