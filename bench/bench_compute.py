"""Compute targets side by side: local threads, local worker processes, and a 2-worker Dask LocalCluster.

1. A 10-way sweep of a GIL-bound learner (Two-Class Neural Network: small matrices, Python-bound epochs), built
   from plain steps (10 Train Model nodes with different seeds on one data set), then the same learner in Cross
   Validate Model (10 folds fanned out with joblib, over the cluster's workers on `dask`).
2. Two independent heavy branches (one Train Model each) on `local-processes` against the two run one after the
   other, and against both in one job on threads.
3. The per-step overhead: a chain of cheap steps on the cluster against local threads.
BLAS is held to one thread everywhere so that the figures measure the targets, not the library. Figures are wall
times with ratios to the baseline (threads, or serial); every job runs with regenerate so nothing is reused.
Run: `.venv/bin/python bench/bench_compute.py` (a few minutes).
"""
from __future__ import annotations

import os
import tempfile
import time

import numpy as np
import pandas as pd
from distributed import LocalCluster
from threadpoolctl import threadpool_limits

from engine.compute_targets import StoredTargets
from engine.engine import Engine
from engine.pipeline import Edge, Node, Pipeline
from engine.workspace import Workspace

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"  # one BLAS thread in the worker processes too (threadpool_limits is per process)

ROWS, FEATURES, SWEEP, CHAIN = 12_000, 20, 10, 20
LEARNER, SEED, LABEL = "two_class_neural_network", "Random number seed", {"Label column": ["label"]}
CLUSTER = "bench-cluster"


def register(workspace: Workspace, folder: str) -> None:
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(ROWS, FEATURES)), columns=[f"f{i}" for i in range(FEATURES)])
    frame["label"] = np.where(frame.iloc[:, :5].sum(axis=1) + rng.normal(size=ROWS) > 0, "yes", "no")
    path = os.path.join(folder, "sweep.parquet")
    frame.to_parquet(path)
    workspace.datasets.register(path, "sweep")


def edge(source: Node, source_port: str, target: Node, target_port: str) -> Edge:
    return Edge(source=source.id, source_port=source_port, target=target.id, target_port=target_port)


def trainings(seeds: range, data: Node) -> tuple[list[Node], list[Edge]]:
    """One learner and one Train Model per seed, all reading `data`."""
    nodes, edges = [], []
    for seed in seeds:
        learner = Node(component=LEARNER, params={SEED: seed})
        train = Node(component="train_model", params=LABEL)
        nodes += [learner, train]
        edges += [edge(data, "Dataset", train, "Dataset"), edge(learner, "Untrained model", train, "Untrained model")]
    return nodes, edges


def sweep(seeds: range) -> Pipeline:
    data = Node(component="dataset", params={"Dataset": "sweep"})
    nodes, edges = trainings(seeds, data)
    return Pipeline(nodes=[data, *nodes], edges=edges)


def cross_validation() -> Pipeline:
    data = Node(component="dataset", params={"Dataset": "sweep"})
    learner = Node(component=LEARNER, params={SEED: 1})
    folds = Node(component="cross_validate_model", params=LABEL)
    return Pipeline(nodes=[data, learner, folds], edges=[edge(data, "Dataset", folds, "Dataset"),
                                                        edge(learner, "Untrained model", folds, "Untrained model")])


def chain() -> Pipeline:
    data = Node(component="enter_data_manually", params={"Data": "x,y\n" + "\n".join(f"{i},{i}" for i in range(50))})
    nodes, edges = [data], []
    for _ in range(CHAIN):
        step = Node(component="select_columns", params={"Select Columns": ["x", "y"]})
        edges.append(edge(nodes[-1], "Dataset" if nodes[-1] is data else "Results dataset", step, "Dataset"))
        nodes.append(step)
    return Pipeline(nodes=nodes, edges=edges)


def run(engine: Engine, pipeline: Pipeline, compute: str) -> tuple[float, float]:
    """(wall time, sum of the step durations) of one job with every step on `compute`."""
    started = time.perf_counter()
    job = engine.submit(pipeline.model_copy(update={"default_compute": compute}), regenerate=True).wait()
    wall = time.perf_counter() - started
    assert job.status == "Completed", job.error
    return wall, sum(s.duration or 0.0 for s in job.steps)


def side_by_side(title: str, walls: dict[str, float], baseline: str) -> None:
    print(title)
    for name, wall in walls.items():
        print(f"  {name:<32} {wall:7.2f} s   x{walls[baseline] / wall:5.2f} vs {baseline}")


def main() -> None:
    folder = tempfile.mkdtemp(prefix="bench-compute-")
    workspace = Workspace(os.path.join(folder, "workspace"))
    register(workspace, folder)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        StoredTargets(workspace.store).add(CLUSTER, cluster.scheduler_address)
        engine = Engine(workspace, max_workers=2)
        print(f"{os.cpu_count()} cores (shared with other work); {ROWS} rows x {FEATURES} features; {LEARNER}")
        run(engine, sweep(range(1, 3)), CLUSTER)  # warm the workers' imports, as a second job would find them
        run(engine, sweep(range(1, 3)), "local-processes")

        results = {target: run(engine, sweep(range(1, SWEEP + 1)), target)
                   for target in ("local", "local-processes", CLUSTER)}
        print(f"one-core work of the sweep (sum of its step durations on local-processes): "
              f"{results['local-processes'][1]:.1f} s")
        side_by_side(f"1. {SWEEP}-way sweep from plain steps", {t: r[0] for t, r in results.items()}, "local")
        side_by_side("1b. Cross Validate Model, 10 folds (joblib inside one step)",
                     {t: run(engine, cross_validation(), t)[0] for t in ("local", "local-processes", CLUSTER)},
                     "local")

        serial = sum(run(engine, sweep(range(seed, seed + 1)), "local")[0] for seed in (1, 2))
        side_by_side("2. two independent heavy branches", {
            "serial (one job after the other)": serial,
            "threads (one job, local)": run(engine, sweep(range(1, 3)), "local")[0],
            "local-processes (one job)": run(engine, sweep(range(1, 3)), "local-processes")[0]},
            "serial (one job after the other)")

        threads, _ = run(engine, chain(), "local")
        remote, _ = run(engine, chain(), CLUSTER)
        print(f"3. per-step overhead, a chain of {CHAIN} cheap steps: local threads {1000 * threads / CHAIN:.1f} ms "
              f"a step, {CLUSTER} {1000 * remote / CHAIN:.1f} ms a step "
              f"(+{1000 * (remote - threads) / CHAIN:.1f} ms, x{remote / threads:.1f})")
        engine.close()
    workspace.close()


if __name__ == "__main__":
    with threadpool_limits(1):
        main()
