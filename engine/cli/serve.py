"""`designer serve`: the arguments to run the built-in HTTP server headless."""
from __future__ import annotations

import argparse

from nodes.lazy import Lazy


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="serve the workspace's pipeline endpoints and runs over HTTP (Ctrl+C stops)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    serve.set_defaults(handler=Lazy("engine.cli._serve", "serve"))
