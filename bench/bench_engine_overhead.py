"""Overhead per step: a chain of 100 trivial steps through the job runner (events, SQLite rows, artifact writes
included) and through in-memory evaluation (what the real-time server calls per request), against calling the
same component functions directly, in the same process."""
from __future__ import annotations

import statistics
import tempfile
import time

from engine.engine import Engine
from engine.evaluate import Evaluation
from engine.pipeline import Edge, Node, Pipeline
from engine.workspace import Workspace
from nodes.context import RunContext
from nodes.registry import default_registry

STEPS = 100
REPEATS = 5


def chain() -> Pipeline:
    source = Node(component="enter_data_manually", params={"Data": "x,y\n1,2\n3,4\n"})
    nodes, edges = [source], []
    for _ in range(STEPS - 1):
        step = Node(component="select_columns", params={"Select Columns": ["x", "y"]})
        edges.append(Edge(source=nodes[-1].id, source_port=nodes[-1] is source and "Dataset" or "Results dataset",
                          target=step.id, target_port="Dataset"))
        nodes.append(step)
    return Pipeline(nodes=nodes, edges=edges)


def direct(pipeline: Pipeline) -> float:
    registry = default_registry()
    started = time.perf_counter()
    value = None
    for node in pipeline.nodes:
        component = registry[node.component]
        params, _ = component.resolve_params(node.params)
        outputs = component.run(RunContext(), {} if value is None else {"Dataset": value}, params)
        value = next(iter(outputs.values()))
    return time.perf_counter() - started


def through_engine(engine: Engine, pipeline: Pipeline) -> float:
    started = time.perf_counter()
    job = engine.submit(pipeline, regenerate=True).wait()
    assert job.status == "Completed", job.error
    return time.perf_counter() - started


def in_memory(evaluation: Evaluation) -> float:
    started = time.perf_counter()
    evaluation()
    return time.perf_counter() - started


def main() -> None:
    pipeline = chain()
    with tempfile.TemporaryDirectory() as folder, Workspace(folder, samples=False) as workspace:
        engine = Engine(workspace)
        through_engine(engine, pipeline)  # warm up imports and caches
        engine_times = [through_engine(engine, pipeline) for _ in range(REPEATS)]
        engine.close()
    evaluation = Evaluation(pipeline)
    direct_times, memory_times = [], []
    for _ in range(REPEATS):  # interleaved, so the machine's moods weigh on both alike
        direct_times.append(direct(pipeline))
        memory_times.append(in_memory(evaluation))
    e, d, m = (statistics.median(t) for t in (engine_times, direct_times, memory_times))
    print(f"chain of {STEPS} trivial steps (median of {REPEATS})")
    print(f"  direct function calls : {d * 1000:8.1f} ms  ({d / STEPS * 1000:.3f} ms/step)")
    print(f"  in-memory evaluate    : {m * 1000:8.1f} ms  ({m / STEPS * 1000:.3f} ms/step)")
    print(f"  through the job runner: {e * 1000:8.1f} ms  ({e / STEPS * 1000:.3f} ms/step)")
    print(f"  evaluate overhead     : {(m - d) / STEPS * 1000:8.3f} ms/step  (ratio {m / d:.2f}x)")
    print(f"  job runner overhead   : {(e - d) / STEPS * 1000:8.3f} ms/step  (goal <= 2 ms; ratio {e / d:.1f}x)")


if __name__ == "__main__":
    main()
