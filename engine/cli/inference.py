"""`designer inference`: the arguments to create an inference pipeline from a training job."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    inference = sub.add_parser("inference", help="create a real-time or batch inference pipeline from a job")
    inference.set_defaults(handler=Lazy("engine.cli._inference", "handle"))
    commands = inference.add_subparsers(dest="inference_command", required=True)
    create = commands.add_parser("create", help="a new draft made from a completed training job (reference §2)")
    create.add_argument("job_id")
    create.add_argument("--kind", choices=("batch", "realtime"), required=True)
    create.add_argument("--name", help="the draft's name (default: the training pipeline's, with the kind)")
    create.add_argument("--json", action="store_true", help='print {"draft_id": ..., "warnings": [...]}')
