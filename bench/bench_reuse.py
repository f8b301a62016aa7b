"""A reused rerun of sample 1 (every step reused) against its cold run (every step regenerated)."""
from __future__ import annotations

import statistics
import tempfile
import time

from engine.engine import Engine
from engine.samples import sample_pipelines
from engine.workspace import Workspace

REPEATS = 7


def timed(engine: Engine, regenerate: bool) -> tuple[float, set[str]]:
    pipeline = sample_pipelines()["Regression: Automobile fuel economy (Basic)"]
    started = time.perf_counter()
    job = engine.submit(pipeline, regenerate=regenerate).wait()
    return time.perf_counter() - started, {s.status for s in job.steps}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, Workspace(folder) as workspace:
        engine = Engine(workspace)
        timed(engine, True)  # warm up imports
        cold = [timed(engine, True) for _ in range(REPEATS)]
        warm = [timed(engine, False) for _ in range(REPEATS)]
        engine.close()
    assert all(statuses == {"Completed"} for _, statuses in cold)
    assert all(statuses == {"Reused"} for _, statuses in warm)
    c, w = statistics.median(t for t, _ in cold), statistics.median(t for t, _ in warm)
    print(f"sample 1 (8 steps), median of {REPEATS}")
    print(f"  cold run (regenerate) : {c * 1000:7.1f} ms")
    print(f"  reused rerun          : {w * 1000:7.1f} ms")
    print(f"  reused / cold         : {w / c:7.1%}  (goal <= 10%)")


if __name__ == "__main__":
    main()
