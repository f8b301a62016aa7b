"""Start-up of the `designer` command line, each command in its own process against `python -c pass`: the commands
that run nothing (`components`, `jobs list`, `datasets list`, `validate`) to their exit, and `designer run` to its
first step (the first "Running" line on stderr) and to its end. A workspace made once beforehand (the samples
registered), medians of several runs, and what each command that runs nothing imported of the heavy libraries.

    python bench/bench_startup.py [--repeats N]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "regression_automobile_fuel_economy.json"
HEAVY = ("pandas", "numpy", "pyarrow", "sklearn", "scipy", "joblib", "sqlite_utils", "pydantic")
GOALS = {"components": 0.3, "jobs list": 0.3, "datasets list": 0.3, "validate": 0.3, "run: first step": 0.6}
IMPORTED = ("import sys, json, runpy; sys.argv = ['designer', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('engine.cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)")


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def first_step(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the first step's "Running" line on stderr, and to the process's end."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first = None
    for line in process.stderr:
        if first is None and line.rstrip().endswith(": Running"):
            first = time.perf_counter() - started
    process.wait()
    if process.returncode != 0 or first is None:
        raise RuntimeError(f"{' '.join(command)} failed or ran no step")
    return first, time.perf_counter() - started


def imported(args: list[str], env: dict[str, str]) -> list[str]:
    """The heavy libraries a command imports (run once more, in-process through `python -m engine.cli`)."""
    done = subprocess.run([sys.executable, "-c", IMPORTED, *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    repeats = parser.parse_args().repeats
    designer = str(Path(sys.executable).with_name("designer"))
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DESIGNER_WORKSPACE": str(Path(folder) / "ws")}
        subprocess.run([designer, "datasets", "list"], env=env, stdout=subprocess.DEVNULL, check=True)
        baseline = statistics.median(timed([sys.executable, "-c", "pass"], env) for _ in range(repeats))
        commands = {"components": ["components"], "jobs list": ["jobs", "list"],
                    "datasets list": ["datasets", "list"], "validate": ["validate", str(SAMPLE)]}
        rows = {name: (statistics.median(timed([designer, *args], env) for _ in range(repeats)), imported(args, env))
                for name, args in commands.items()}
        runs = [first_step([designer, "run", str(SAMPLE), "--regenerate"], env) for _ in range(max(3, repeats // 2))]
        rows["run: first step"] = (statistics.median(r[0] for r in runs), ["(see tests/engine/test_startup_imports.py)"])
        whole_run = statistics.median(r[1] for r in runs)
    print(f"designer start-up, median of {repeats} runs, load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"`python -c pass` takes {baseline * 1000:.0f} ms")
    print(f"  {'command':18} {'wall':>8} {'goal':>7}  heavy libraries imported")
    for name, (seconds, heavy) in rows.items():
        print(f"  {name:18} {seconds:7.2f}s {GOALS[name]:6.1f}s  {', '.join(heavy) or '-'}")
    print(f"  {'(run: whole job)':18} {whole_run:7.2f}s")


if __name__ == "__main__":
    main()
