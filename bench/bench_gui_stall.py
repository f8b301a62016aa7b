"""The longest stall of the GUI event loop while a CPU-heavy job runs, against the same measurement idle.

A 10 ms QTimer records the gaps between its ticks while a job with a multi-second Train Model runs through
the EngineBridge into a JobsPanel and a JobView (as in the app); the baseline is the same window with no job.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stall.py [rows]
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from designer_app.engine_bridge import EngineBridge  # noqa: E402
from designer_app.jobs.job_view import JobView  # noqa: E402
from designer_app.jobs.jobs_panel import JobsPanel  # noqa: E402
from engine.engine import Engine  # noqa: E402
from engine.workspace import Workspace  # noqa: E402
from tests.gui.run_helpers import slow_training  # noqa: E402

TICK_MS = 10


class StallMeter:
    """Largest gap between consecutive ticks of a 10 ms timer, in milliseconds."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=TICK_MS, timeout=self._tick)
        self.last = 0
        self.worst = 0
        self.ticks = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now
        self.ticks += 1

    def measure(self, app: QApplication, until, timeout_s: float) -> float:
        self.worst, self.ticks = 0, 0
        self.clock.start()
        self.last = 0
        self.timer.start()
        deadline = time.monotonic() + timeout_s
        while not until() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        self.timer.stop()
        return float(self.worst)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    app = QApplication.instance() or QApplication(sys.argv)
    workspace = Workspace(tempfile.mkdtemp(prefix="designer-bench-"))
    engine = Engine(workspace)
    bridge = EngineBridge(engine)
    panel = JobsPanel(engine, bridge)
    panel.show()
    meter = StallMeter()
    pipeline, _ = slow_training(rows)

    started = time.monotonic()
    handle = engine.submit(pipeline, experiment="Benchmark")
    view = JobView(engine, bridge, handle.id)
    view.show()
    busy = meter.measure(app, lambda: handle.done, timeout_s=300)
    seconds = time.monotonic() - started
    app.processEvents()
    job = workspace.jobs.get(handle.id)
    train = next(s for s in job.steps if s.name == "Train Model")

    baseline = meter.measure(app, lambda: False, timeout_s=min(seconds, 5.0))
    print(f"Job {job.status} in {seconds:.1f} s (Train Model {train.duration:.1f} s on {rows:,} rows)")
    print(f"Longest GUI stall with the job running: {busy:.0f} ms")
    print(f"Longest GUI stall with no job (baseline): {baseline:.0f} ms")
    print(f"Ratio: {busy / max(baseline, 1):.1f}x  (goal: < 100 ms)")
    bridge.close()
    engine.close()
    workspace.close()


if __name__ == "__main__":
    main()
