"""`designer datasets register` of a big CSV against `pyarrow.csv.read_csv` of the same file, whole processes:
median wall time of 3 and peak RSS of each, side by side as ratios (goal: within 1.5x of Arrow's time, peak memory
bounded by the table's in-memory size); `designer datasets list` shows the command's start-up in that time.

    python bench/bench_register.py            # 1M rows x 10 columns (~100 MB)
    python bench/bench_register.py 10000000   # 10M rows (~1 GB)
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pc

REPEATS = 3
CHUNK_ROWS = 1_000_000
DESIGNER = Path(sys.executable).with_name("designer")
ARROW_READ = ("import sys, pyarrow.csv as pc; t = pc.read_csv(sys.argv[1]); "
              "print(t.num_rows, t.nbytes)")


def build_csv(path: Path, rows: int) -> None:
    """10 columns like a real table (floats, integers, text, a column with missing values), written a chunk at a
    time."""
    rng = np.random.default_rng(0)
    with pc.CSVWriter(path, pa.schema([(f"f{i}", pa.float64()) for i in range(4)]
                      + [(f"i{i}", pa.int64()) for i in range(3)]
                      + [("make", pa.string()), ("model", pa.string()), ("gaps", pa.float64())])) as writer:
        for start in range(0, rows, CHUNK_ROWS):
            n = min(CHUNK_ROWS, rows - start)
            gaps = rng.normal(size=n).round(3)
            gaps[rng.random(n) < 0.1] = np.nan
            writer.write_table(pa.table(
                {**{f"f{i}": rng.normal(size=n).round(4) for i in range(4)},
                 **{f"i{i}": rng.integers(0, 10 ** (i + 2), n) for i in range(3)},
                 "make": rng.choice(["audi", "bmw", "fiat", "toyota", "volvo"], n),
                 "model": pa.array(rng.integers(0, 5000, n).astype(str)).cast(pa.string()),
                 "gaps": gaps}))


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (bytes) and output of one process (this one stays small: a forked child's peak
    counts its parent's memory until it executes)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0), err.seek(0)
        if status:
            raise SystemExit(f"{command[0]} failed: {err.read()}")
        return elapsed, usage.ru_maxrss * 1024, out.read()


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, str]:
    runs = [run(command, env) for _ in range(REPEATS)]
    return statistics.median(t for t, _, _ in runs), max(m for _, m, _ in runs), runs[0][2]


def main() -> None:
    if sys.argv[1:2] == ["--build"]:
        build_csv(Path(sys.argv[2]), int(sys.argv[3]))
        return
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.csv"
        subprocess.run([sys.executable, __file__, "--build", str(path), str(rows)], check=True)
        size = path.stat().st_size
        workspace = Path(folder) / "ws"
        env = {**os.environ, "DESIGNER_WORKSPACE": str(workspace)}
        arrow = measure([sys.executable, "-c", ARROW_READ, str(path)])
        designer = measure([str(DESIGNER), "datasets", "register", str(path), "--name", "big"], env)
        start_up = measure([str(DESIGNER), "datasets", "list"], env)
        shutil.rmtree(workspace, ignore_errors=True)
    table_bytes = int(arrow[2].split()[1])
    print(f"register a {rows:,}-row x 10-column CSV ({size / 1e6:,.0f} MB; {table_bytes / 1e6:,.0f} MB in Arrow), "
          f"median of {REPEATS}, load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  {'':28} {'wall':>8} {'peak RSS':>10}")
    print(f"  {'designer datasets register':28} {designer[0]:7.2f}s {designer[1] / 1e6:8.0f}MB")
    print(f"  {'pyarrow.csv.read_csv':28} {arrow[0]:7.2f}s {arrow[1] / 1e6:8.0f}MB")
    print(f"  {'(designer start-up: list)':28} {start_up[0]:7.2f}s {start_up[1] / 1e6:8.0f}MB")
    print(f"  {'ratio':28} {designer[0] / arrow[0]:7.2f}x {designer[1] / arrow[1]:9.2f}x  (goal <= 1.5x time; "
          f"peak <= table {table_bytes / 1e6:,.0f} MB + Python)")


if __name__ == "__main__":
    main()
