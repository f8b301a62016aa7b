"""What `designer serve` does: start the server, say where, serve until Ctrl+C or SIGTERM, stop cleanly."""
from __future__ import annotations

import argparse
import signal
import threading

from engine.cli.common import EXIT_OK, fail
from engine.engine import Engine
from engine.server import Server
from engine.tokens import Tokens
from engine.workspace import Workspace


def serve(workspace: Workspace, args: argparse.Namespace) -> int:
    engine = Engine(workspace)
    server = Server(workspace, engine, args.host, args.port)
    stopping = threading.Event()
    try:
        url = server.start()
    except OSError as error:
        engine.close()
        return fail(f"cannot serve on {args.host}:{args.port}: {error}")
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    print(f"Serving workspace {workspace.root} on {url} (Ctrl+C to stop)", flush=True)
    if not any(t.revoked is None for t in Tokens(workspace.store).list()):
        print("No workspace token yet: create one with `designer token create`.", flush=True)
    try:
        stopping.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        engine.close()
    return EXIT_OK
