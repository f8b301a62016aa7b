"""Big data through the engine: the fuel-economy sample pipeline on its data grown to 1M (and, on request, 10M)
rows, as `designer run` in its own process against a plain script doing the same steps in its own process
(read the registered Parquet, drop Name, drop rows with missing values, random 70/30 split, one-hot + ridge 0.001,
predict, R²): medians of wall time and peak memory (`/usr/bin/time`), and per-step times, side by side as ratios.
Then Select Columns, Clean Missing Data (Remove entire row) and Split Data against the bare pandas operation,
in this process.

    python bench/bench_scale.py                  # 1M rows, 3 runs each (a few minutes)
    python bench/bench_scale.py --rows 1e6 1e7   # 10M too (about 1 GB of Parquet; several more minutes)
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from nodes.context import RunContext
from nodes.registry import default_registry
from nodes.table import Table

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "regression_automobile_fuel_economy.json"
SOURCE = ROOT / "resources" / "datasets" / "automobile_fuel_economy.csv"
DESIGNER = Path(sys.executable).with_name("designer")
NAME = "Fuel economy grown"
SELECT_ALL_BUT_NAME = {"isFilter": True, "rules": [{"ruleType": "AllColumns", "exclude": False},
                                                   {"ruleType": "ColumnNames", "exclude": True, "columns": ["Name"]}]}

SCRIPT = """
import json, sys, time
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder
times, last = {}, [time.perf_counter()]
def lap(name):
    now = time.perf_counter(); times[name] = now - last[0]; last[0] = now
frame = pd.read_parquet(sys.argv[1]).drop(columns=["Name"]); lap("read + select")
frame = frame.dropna().reset_index(drop=True); lap("clean")
first = np.zeros(len(frame), dtype=bool)
first[np.random.RandomState(123).permutation(len(frame))[len(frame) - int(0.7 * len(frame)):]] = True
train, test = frame[first].reset_index(drop=True), frame[~first].reset_index(drop=True); lap("split")
label = "Miles_per_Gallon"
text = [c for c in train.columns if c != label and not pd.api.types.is_numeric_dtype(train[c])]
model = make_pipeline(ColumnTransformer([("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False),
                                          text)], remainder="passthrough"), Ridge(alpha=0.001, solver="cholesky"))
model.fit(train.drop(columns=[label]), train[label]); lap("train")
predicted = model.predict(test.drop(columns=[label])); lap("score")
r2 = r2_score(test[label], predicted); lap("evaluate")
print(json.dumps({"steps": times, "r2": r2}))
"""
STEP_NAMES = {"Dataset": "read + select", "Select Columns in Dataset": "read + select",  # it reads its input
              "Clean Missing Data": "clean", "Split Data": "split", "Train Model": "train", "Score Model": "score",
              "Evaluate Model": "evaluate"}


def grown(rows: int, seed: int = 0) -> pd.DataFrame:
    """The fuel-economy data sampled with replacement to `rows` rows, its numbers with a little noise (its
    missing values kept where the sampled rows have them)."""
    rng = np.random.default_rng(seed)
    base = pd.read_csv(SOURCE)
    frame = base.iloc[rng.integers(0, len(base), rows)].reset_index(drop=True)
    for name in frame.columns:
        if pd.api.types.is_float_dtype(frame[name]):
            frame[name] = frame[name] * (1 + rng.normal(0, 0.02, rows))
    return frame


def timed(command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MiB, stdout) of a whole process, from /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r") as report:
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M", *command], capture_output=True,
                              text=True, cwd=ROOT)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"{command[0]} failed:\n{done.stderr[-2000:]}")
        return wall, int(report.read().split()[-1]) / 1024, done.stdout


def prepare(folder: Path, rows: int) -> tuple[Path, Path, Path]:
    """(workspace, pipeline file, the registered Parquet file): the grown table written as Parquet, registered
    with `designer datasets register`, and the sample pipeline pointed at it."""
    workspace, parquet = folder / "ws", folder / f"fuel_{rows}.parquet"
    grown(rows).to_parquet(parquet, index=False)
    subprocess.run([str(DESIGNER), "--workspace", str(workspace), "datasets", "register", str(parquet), "--name",
                    NAME], check=True, capture_output=True)
    with closing(sqlite3.connect(workspace / "workspace.db")) as db:
        [(sha256,)] = db.execute("select artifact from datasets where name = ?", [NAME]).fetchall()
    artifact = next((workspace / "artifacts").rglob(f"{sha256}.parquet"))
    pipeline = json.loads(SAMPLE.read_text())
    for node in pipeline["nodes"]:
        if node["component"] == "dataset":
            node["params"]["Dataset"] = NAME
    path = folder / "pipeline.json"
    path.write_text(json.dumps(pipeline))
    return workspace, path, artifact


def job_run(workspace: Path, pipeline: Path) -> tuple[float, float, dict[str, float], float]:
    wall, peak, out = timed([str(DESIGNER), "--workspace", str(workspace), "run", str(pipeline), "--regenerate",
                             "--json"])
    job = json.loads(out)
    steps: dict[str, float] = {}
    for step in job["steps"]:
        if step["name"] in STEP_NAMES:
            name = STEP_NAMES[step["name"]]
            steps[name] = steps.get(name, 0.0) + (step["duration"] or 0.0)
    r2 = next(v for m in job["metrics"].values() for k, v in m.items() if k == "Coefficient_of_Determination")
    return wall, peak, steps, r2


def script_run(parquet: Path) -> tuple[float, float, dict[str, float], float]:
    wall, peak, out = timed([sys.executable, "-c", SCRIPT, str(parquet)])
    result = json.loads(out)
    return wall, peak, result["steps"], result["r2"]


def median_runs(run: Callable[[], tuple], repeat: int) -> tuple[float, float, dict[str, float], float]:
    runs = [run() for _ in range(repeat)]
    steps = {name: statistics.median(r[2][name] for r in runs) for name in runs[0][2]}
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), steps, runs[0][3]


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b > 0 else "-"


def whole_runs(rows: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench_scale_") as folder:
        workspace, pipeline, parquet = prepare(Path(folder), rows)
        size = parquet.stat().st_size / 2**20
        job = median_runs(lambda: job_run(workspace, pipeline), repeat)
        script = median_runs(lambda: script_run(parquet), repeat)
    print(f"\n{rows:,} rows ({size:.0f} MiB of Parquet), median of {repeat} whole processes each")
    print(f"{'':<22}{'designer run':>14}{'plain script':>14}{'ratio':>8}")
    print(f"{'wall (s)':<22}{job[0]:>14.2f}{script[0]:>14.2f}{ratio(job[0], script[0]):>8}")
    print(f"{'peak memory (MiB)':<22}{job[1]:>14.0f}{script[1]:>14.0f}{ratio(job[1], script[1]):>8}")
    for name in script[2]:
        mine, theirs = job[2].get(name, 0.0), script[2][name]
        print(f"{'  ' + name + ' (s)':<22}{mine:>14.3f}{theirs:>14.3f}{ratio(mine, theirs):>8}")
    print(f"{'R²':<22}{job[3]:>14.4f}{script[3]:>14.4f}")


def component(cid: str, params: dict, table: Table) -> Callable[[], dict]:
    comp = default_registry()[cid]
    resolved, problems = comp.resolve_params(params)
    assert not problems, problems
    return lambda: comp.run(RunContext(), {"Dataset": table}, resolved)


def best(call: Callable[[], object], repeat: int) -> float:
    """The median time of `call` over `repeat` runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bare_split(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    first = np.zeros(len(frame), dtype=bool)
    first[np.random.RandomState(123).permutation(len(frame))[len(frame) - int(0.7 * len(frame)):]] = True
    return frame[first].reset_index(drop=True), frame[~first].reset_index(drop=True)


def components_against_pandas(rows: int, repeat: int) -> None:
    """Each component on a table read from Parquet (as a step receives it) against the bare pandas operation."""
    frame = pa.Table.from_pandas(grown(rows), preserve_index=False).to_pandas()
    selected = frame.drop(columns=["Name"])
    cleaned = selected.dropna().reset_index(drop=True)
    cases = [
        ("Select Columns in Dataset", component("select_columns", {"Select Columns": SELECT_ALL_BUT_NAME},
                                                Table(frame)), lambda: frame.drop(columns=["Name"])),
        ("Clean Missing Data (rows)", component("clean_missing_data", {"Cleaning mode": "Remove entire row"},
                                                Table(selected)), lambda: selected.dropna().reset_index(drop=True)),
        ("Split Data (70/30)", component("split_data", {"Fraction of rows in the first output dataset": 0.7,
                                                        "Random seed": 123}, Table(cleaned)),
         lambda: bare_split(cleaned)),
    ]
    print(f"\n{rows:,} rows in this process, median of {repeat}")
    print(f"{'':<28}{'component (s)':>14}{'pandas (s)':>12}{'ratio':>8}")
    for name, mine, bare in cases:
        ours, theirs = best(mine, repeat), best(bare, repeat)
        print(f"{name:<28}{ours:>14.4f}{theirs:>12.4f}{ratio(ours, theirs):>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=float, nargs="+", default=[1e6], help="table sizes (default 1e6)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average at the start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    for rows in map(int, args.rows):
        whole_runs(rows, args.repeat)
        components_against_pandas(rows, args.repeat)
    print(f"\nload average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
