"""Two independent heavy branches in one job against the same two branches run one after the other.

Each branch trains Linear Regression (ordinary least squares) on its own wide synthetic data set; BLAS is held to
one thread so the comparison measures the engine's parallelism, not the library's. The baseline beside it is the
same work (data set load + Train Model) called directly in two plain threads, in the same runs: what this
machine gives two threads for this work at this moment, so the engine's share of the speed-up can be read off.
The same job also runs with its steps on the `local-processes` target (worker processes, artifacts between them).
"""
from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from engine.engine import Engine
from engine.pipeline import Edge, Node, Pipeline
from engine.workspace import Workspace
from nodes.context import RunContext
from nodes.registry import default_registry

ROWS, FEATURES, REPEATS = 10_000, 1_600, 5
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"  # one BLAS thread in the worker processes too (threadpool_limits is per process)


def branch(dataset: str) -> tuple[list[Node], list[Edge]]:
    data = Node(component="dataset", params={"Dataset": dataset})
    learner = Node(component="linear_regression")
    train = Node(component="train_model", params={"Label column": ["label"]})
    edges = [Edge(source=data.id, source_port="Dataset", target=train.id, target_port="Dataset"),
             Edge(source=learner.id, source_port="Untrained model", target=train.id, target_port="Untrained model")]
    return [data, learner, train], edges


def register(workspace: Workspace, folder: str, name: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(rng.normal(size=(ROWS, FEATURES)), columns=[f"f{i}" for i in range(FEATURES)])
    frame["label"] = frame.sum(axis=1) + rng.normal(size=ROWS)
    path = os.path.join(folder, f"{name}.parquet")
    frame.to_parquet(path)
    workspace.datasets.register(path, name)


def raw_threads(work: list[Callable[[], object]]) -> float:
    """The same steps' functions called directly: two plain threads against one after the other."""
    started = time.perf_counter()
    for job in work:
        job()
    one_after_the_other = time.perf_counter() - started
    threads = [threading.Thread(target=job) for job in work]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return one_after_the_other / (time.perf_counter() - started)


def train_directly(workspace: Workspace, dataset: str) -> Callable[[], object]:
    registry = default_registry()
    learner_component, train = registry["linear_regression"], registry["train_model"]
    learner = learner_component.run(RunContext(), {}, learner_component.resolve_params({})[0])["Untrained model"]
    params = train.resolve_params({"Label column": ["label"]})[0]
    return lambda: train.run(RunContext(), {"Untrained model": learner,
                                            "Dataset": workspace.datasets.load_dataset(dataset)}, params)


def timed(engine: Engine, pipelines: list[Pipeline]) -> float:
    started = time.perf_counter()
    for pipeline in pipelines:
        job = engine.submit(pipeline, regenerate=True).wait()
        assert job.status == "Completed", job.error
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, Workspace(folder, samples=False) as workspace, \
            threadpool_limits(1):
        register(workspace, folder, "left", 1)
        register(workspace, folder, "right", 2)
        (left_nodes, left_edges), (right_nodes, right_edges) = branch("left"), branch("right")
        both = Pipeline(nodes=left_nodes + right_nodes, edges=left_edges + right_edges)
        apart = [Pipeline(nodes=left_nodes, edges=left_edges), Pipeline(nodes=right_nodes, edges=right_edges)]
        engine = Engine(workspace, max_workers=2)
        timed(engine, [both])  # warm up
        direct = [train_directly(workspace, "left"), train_directly(workspace, "right")]
        on_processes = both.model_copy(update={"default_compute": "local-processes"})
        timed(engine, [on_processes])  # warm up: spawn the worker processes
        pairs, ceilings, processes = [], [], []
        for _ in range(REPEATS):  # interleaved, so the machine's moods weigh on all four alike
            pairs.append((timed(engine, apart), timed(engine, [both])))
            processes.append(timed(engine, [on_processes]))
            ceilings.append(raw_threads(direct))
        sequential = statistics.median(s for s, _ in pairs)
        parallel = statistics.median(p for _, p in pairs)
        in_processes = statistics.median(processes)
        ratios = sorted(s / p for s, p in pairs)
        engine.close()
    print(f"two branches of Dataset -> Train Model (Linear Regression, {ROWS} x {FEATURES}), "
          f"median of {REPEATS}, {os.cpu_count()} cores")
    print(f"  one after the other : {sequential:6.2f} s")
    print(f"  in one job          : {parallel:6.2f} s")
    print(f"  in one job, on local-processes : {in_processes:6.2f} s  (speed-up {sequential / in_processes:.2f}x; "
          "inputs and outputs travel as artifact files)")
    ceiling = statistics.median(ceilings)
    print(f"  speed-up            : {sequential / parallel:6.2f}x  (goal >= 1.6x; pairwise from {ratios[0]:.2f}x "
          f"to {ratios[-1]:.2f}x)")
    print(f"  raw threads         : {ceiling:6.2f}x  (data set load + Train Model called directly in two plain "
          f"threads, same runs); the engine reaches {sequential / parallel / ceiling:.0%} of it")


if __name__ == "__main__":
    main()
