"""What `designer run` does: submit a pipeline and wait, with progress."""
from __future__ import annotations

import argparse
import signal
import sys
from typing import Any

from engine.cli._common import load_pipeline, print_job, step_error_text
from engine.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, fail, print_json
from engine.engine import Engine, InvalidPipeline, JobHandle
from engine.events import StepEvent
from engine.parameters import ParameterAssignmentError, parse_assignment
from engine.workspace import Workspace

ENDED = ("Completed", "Reused", "Failed", "Canceled")


class Progress:
    """Prints one line on stderr as each step starts and ends."""

    def __init__(self, total: int) -> None:
        self.total, self.ended = total, 0

    def __call__(self, event: Any) -> None:
        if not isinstance(event, StepEvent) or event.progress is not None or event.status == "Queued":
            return
        if event.status in ENDED:
            self.ended += 1
        text = f"[{self.ended:>3}/{self.total}] {event.name}: {event.status}"
        if event.duration is not None and event.status == "Completed":
            text += f" in {event.duration:.2f} s"
        if event.error:
            text += f" - {step_error_text(event.error)}"
        print(text, file=sys.stderr, flush=True)


class CancelOnSignal:
    """While entered, SIGINT (Ctrl+C) and SIGTERM cancel the job being watched (or, before there is one, the job
    about to be watched) instead of stopping the process: the job ends Canceled, its steps with it."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.handle: JobHandle | None = None
        self.requested = False

    def __enter__(self) -> CancelOnSignal:
        self.previous = {number: signal.signal(number, self._cancel) for number in self.SIGNALS}
        return self

    def __exit__(self, *exc: object) -> None:
        for number, handler in self.previous.items():
            signal.signal(number, handler)

    def watch(self, handle: JobHandle) -> None:
        self.handle = handle
        if self.requested:
            handle.cancel()

    def _cancel(self, number: int, frame: Any) -> None:
        self.requested = True
        if self.handle is not None:
            self.handle.cancel()


def run_pipeline(workspace: Workspace, args: argparse.Namespace) -> int:
    pipeline = load_pipeline(args.file)
    if pipeline is None:
        return EXIT_INVALID
    if args.compute:
        pipeline = pipeline.model_copy(update={"default_compute": args.compute})
    engine = Engine(workspace)
    try:
        with CancelOnSignal() as signals:
            parameters = dict(parse_assignment(text) for text in args.param)
            engine.subscribe(Progress(len(pipeline.nodes)))
            handle = engine.submit(pipeline, args.experiment, args.name, parameters=parameters,
                                   regenerate=args.regenerate)
            signals.watch(handle)
            print(f"Job {handle.id} submitted to experiment {args.experiment}", file=sys.stderr)
            job = handle.wait()
    except (InvalidPipeline, ParameterAssignmentError) as error:
        return fail(error, EXIT_INVALID)
    finally:
        engine.close()
    if args.json:
        print_json(job.to_dict())
    else:
        print_job(job)
    return EXIT_OK if job.status == "Completed" else EXIT_FAILED
