"""What `designer compute` does: list, add, remove and test (connect to, and compare versions with) compute
targets."""
from __future__ import annotations

import argparse
from dataclasses import asdict

from engine.cli.common import EXIT_FAILED, EXIT_OK, answer, dispatch, fail, print_json
from engine.compute_targets import DASK, ComputeTargetError, StoredTargets
from engine.dask_compute import TargetUnreachable, inspect_cluster
from engine.workspace import Workspace

GIB = 1024 ** 3


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"list": list_targets, "add": add_target, "remove": remove_target, "test": test_target}
    return dispatch(commands, args.compute_command, workspace, args, (ComputeTargetError,))


def list_targets(workspace: Workspace, args: argparse.Namespace) -> int:
    targets = StoredTargets(workspace.store).list()
    return answer(args, [asdict(t) for t in targets],
                  (f"{t.name:<24} {t.kind:<10} {t.address} {t.dashboard}".rstrip() for t in targets))


def add_target(workspace: Workspace, args: argparse.Namespace) -> int:
    info = StoredTargets(workspace.store).add(args.name, args.address, args.dashboard)
    print(f"Compute target {info.name} added ({DASK} scheduler {info.address}); "
          f"`designer compute test {info.name}` checks it.")
    return EXIT_OK


def remove_target(workspace: Workspace, args: argparse.Namespace) -> int:
    StoredTargets(workspace.store).remove(args.name)
    print(f"Compute target {args.name} removed")
    return EXIT_OK


def test_target(workspace: Workspace, args: argparse.Namespace) -> int:
    """Connect to a Dask target and describe it; fails when a worker's Python, pandas or scikit-learn differs."""
    info = StoredTargets(workspace.store).get(args.name)
    if info.kind != DASK:
        print(f"Compute target {info.name} is built in ({info.kind}): always available.")
        return EXIT_OK
    try:
        report = inspect_cluster(info.address)
    except TargetUnreachable as error:
        return fail(f"The compute target {info.name} is unreachable: {error}")
    if args.json:
        print_json(asdict(report))
    else:
        print(f"Compute target {info.name}: scheduler {report.address}, {len(report.workers)} worker(s), "
              f"{sum(w.threads for w in report.workers)} core(s)")
        for worker in report.workers:
            versions = ", ".join(f"{name} {version}" for name, version in worker.versions.items())
            print(f"  {worker.address}  {worker.threads} core(s)  {worker.memory / GIB:.1f} GiB  {versions}")
    if not report.workers:
        return fail(f"The compute target {info.name} has no workers.")
    if report.mismatches:
        return fail(f"The compute target {info.name} cannot run this workspace's steps: its versions differ: "
                    + "; ".join(report.mismatches), EXIT_FAILED)
    return EXIT_OK
