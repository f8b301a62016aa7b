"""Training inside a job against a plain script, and a 10-way sweep on threads against worker processes.

1. Train Model + Score Model (Linear Regression, then Boosted Decision Tree Regression) on a registered
   1,000,000-row synthetic table, run as a job (data set read from the workspace, model and scored table written
   as artifacts), against the same scikit-learn calls in a plain script (read the Parquet file, impute, fit,
   predict, write the scored table as Parquet). Goal: the job within 1.15x of the script.
2. A 10-way sweep, fanned out with joblib, on the thread pool and on the process pool (loky, warmed up first):
   Tune Model Hyperparameters over a 10-point grid of Two-Class Averaged Perceptron, and Cross Validate Model
   (10 folds) of a pure-Python Create Python Model (GIL-bound by construction). Goal: processes at least 1.7x
   faster than threads for GIL-bound learners on 2 cores.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from joblib import parallel_config
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline as SkPipeline

from engine.engine import Engine
from engine.pipeline import Edge, Node, Pipeline
from engine.workspace import Workspace
from nodes.columns import ColumnSelection
from nodes.context import RunContext
from nodes.registry import default_registry
from nodes.table import Table

ROWS = 1_000_000
LINEAR = "linear_regression"
LEARNERS = {LINEAR: "Linear Regression (least squares)",
            "boosted_decision_tree_regression": "Boosted Decision Tree Regression (100 trees)"}
FEATURES = [f"x{i}" for i in range(8)]
LABEL = "y"
SWEEP_ROWS = 20_000
PYTHON_MODEL = '''
import numpy as np

class AzureMLModel:
    """A perceptron trained row by row in plain Python: it holds the GIL the whole time."""

    def __init__(self):
        self.weights = None

    def train(self, df_train, df_label):
        rows = df_train.to_numpy(dtype=float).tolist()
        labels = [1.0 if v == "yes" else -1.0 for v in df_label]
        weights = [0.0] * (len(rows[0]) + 1)
        for _ in range(50):
            for row, target in zip(rows, labels):
                score = weights[-1] + sum(w * v for w, v in zip(weights, row))
                if score * target <= 0:
                    weights = [w + target * v for w, v in zip(weights, row)] + [weights[-1] + target]
        self.weights = np.array(weights)

    def predict(self, df):
        scores = df.to_numpy(dtype=float) @ self.weights[:-1] + self.weights[-1]
        return np.where(scores > 0, "yes", "no")
'''


def synthetic(rows: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, len(FEATURES)))
    frame = pd.DataFrame(x, columns=FEATURES)
    frame[LABEL] = x @ np.arange(1, len(FEATURES) + 1) + rng.normal(size=rows)
    return frame


def in_a_job(path: Path, learner_id: str) -> float:
    with tempfile.TemporaryDirectory() as folder, Workspace(folder, samples=False) as workspace:
        workspace.datasets.register(path, "synthetic")
        engine = Engine(workspace)
        data = Node(component="dataset", params={"Dataset": "synthetic"})
        learner = Node(component=learner_id, params={"Random number seed": 1} if learner_id != LINEAR else {})
        train = Node(component="train_model", params={"Label column": ColumnSelection.names(LABEL).to_dict()})
        score = Node(component="score_model", params={})
        edges = [Edge(source=learner.id, source_port="Untrained model", target=train.id, target_port="Untrained model"),
                 Edge(source=data.id, source_port="Dataset", target=train.id, target_port="Dataset"),
                 Edge(source=train.id, source_port="Trained model", target=score.id, target_port="Trained model"),
                 Edge(source=data.id, source_port="Dataset", target=score.id, target_port="Dataset")]
        pipeline = Pipeline(nodes=[data, learner, train, score], edges=edges)
        started = time.perf_counter()
        job = engine.submit(pipeline, regenerate=True).wait(600)
        elapsed = time.perf_counter() - started
        assert job.status == "Completed", job.error
        engine.close()
    return elapsed


def plain_script(path: Path, out: Path, learner_id: str) -> float:
    """The learner's own scikit-learn estimator (same parameters), behind the same mean imputation."""
    values = {"Random number seed": 1} if learner_id != LINEAR else {}
    estimator = component_run(learner_id, {}, **values)["Untrained model"].estimator
    started = time.perf_counter()
    frame = pd.read_parquet(path)
    features = frame[FEATURES]
    prepare = ColumnTransformer([("numeric", SkPipeline([("impute", SimpleImputer(strategy="mean"))]), FEATURES)])
    model = SkPipeline([("features", prepare), ("model", estimator)])
    model.fit(features, frame[LABEL].to_numpy(dtype=float))
    frame["Scored Labels"] = model.predict(features)
    frame.to_parquet(out)
    return time.perf_counter() - started


def component_run(component_id: str, inputs: dict, **values) -> dict:
    component = default_registry()[component_id]
    params, problems = component.resolve_params(values)
    assert not problems, problems
    return component.run(RunContext(), inputs, params)


def sweeps() -> dict[str, callable]:
    frame = synthetic(SWEEP_ROWS, seed=1)
    frame[LABEL] = np.where(frame[LABEL] > 0, "yes", "no")
    train, validation = Table(frame.iloc[: SWEEP_ROWS // 2]), Table(frame.iloc[SWEEP_ROWS // 2:])
    label = {"Label column": ColumnSelection.names(LABEL).to_dict()}
    perceptron = component_run("two_class_averaged_perceptron", {}, **{
        "Create trainer mode": "ParameterRange", "Random number seed": 1,
        "Range for learning rate": "0.1; 0.5; 1.0; 2.0; 4.0", "Range for maximum number of iterations": "5; 10",
    })["Untrained model"]
    python_model = component_run("create_python_model", {}, **{"Python script": PYTHON_MODEL})["Untrained model"]
    small = Table(frame.iloc[:12_000])
    return {
        "Tune, 10-point grid, Two-Class Averaged Perceptron": lambda: component_run(
            "tune_model_hyperparameters", {"Untrained model": perceptron, "Training dataset": train,
                                           "Optional validation dataset": validation},
            **{**label, "Specify parameter sweeping mode": "Entire grid"}),
        "Cross Validate, 10 folds, pure-Python Create Python Model": lambda: component_run(
            "cross_validate_model", {"Untrained model": python_model, "Dataset": small}, **label),
    }


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path, out = Path(folder) / "synthetic.parquet", Path(folder) / "scored.parquet"
        synthetic(ROWS).to_parquet(path)
        plain_script(path, out, LINEAR)  # warm up imports and the page cache
        print(f"Train Model + Score Model, {ROWS:,} rows x {len(FEATURES)} features, one run each")
        for learner_id, name in LEARNERS.items():
            job, plain = in_a_job(path, learner_id), plain_script(path, out, learner_id)
            print(f"  {name}")
            print(f"    plain scikit-learn script {plain:6.2f} s | inside a job {job:6.2f} s  "
                  f"(job / script {job / plain:.2f}x; goal <= 1.15x)")
    print(f"10-way sweeps on {os.cpu_count()} cores (threads vs loky worker processes, warmed up)")
    for name, call in sweeps().items():
        with parallel_config(backend="loky", n_jobs=2):
            call()  # start the workers and import in them
            processes = timed(call)
        with parallel_config(backend="threading", n_jobs=2):
            threads = timed(call)
        print(f"  {name}")
        print(f"    threads {threads:6.2f} s | processes {processes:6.2f} s  "
              f"(threads / processes {threads / processes:.2f}x; goal >= 1.7x when GIL-bound)")


if __name__ == "__main__":
    main()
