"""In-process real-time scoring of the samples' real-time pipelines (and the fuel-economy sample with boosted trees
and with a decision forest): the compiled fast path (`score_columns` on column arrays) against the general path
(`score`, the pipeline evaluated on a pandas table) and against the fitted scikit-learn pipeline's own `predict`
(`predict_proba` for classifiers) on the same rows as a pandas frame, for 1 row and 1,000 rows. Medians of
repeated calls; ratios against scikit-learn.

    python bench/bench_compiled.py [REPEATS]      (default 200)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from engine.engine import Engine
from engine.inference import create_inference_pipeline
from engine.pipeline import Node, Pipeline
from engine.samples import resources
from engine.serving import PreparedDeployment
from engine.workspace import Workspace
from nodes.conversion import conform
from nodes.models import TrainedModel
from nodes.table import Table

SAMPLES = resources() / "samples"
CASES = [("binary_breast_cancer", None), ("regression_automobile_fuel_economy", None),
         ("regression_automobile_fuel_economy", "boosted_decision_tree_regression"),
         ("regression_automobile_fuel_economy", "decision_forest_regression")]
SIZES = (1, 1000)


def with_learner(training: Pipeline, learner: str | None, engine: Engine) -> Pipeline:
    if learner is None:
        return training
    old = next(n for n in training.nodes if engine.registry[n.component].category == "Machine Learning Algorithms")
    new = Node(id=old.id, component=learner, version=engine.registry[learner].version, position=old.position)
    return training.model_copy(update={"nodes": [new if n.id == old.id else n for n in training.nodes]})


def median_ms(call: Callable[[], object], repeats: int) -> float:
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def request(frame: pd.DataFrame, deployment: PreparedDeployment, rows: int) -> tuple[Table, dict[str, np.ndarray]]:
    """`rows` rows of the data set as the general path's table and as `score_columns` arrays."""
    schema = deployment.inputs[0].schema
    picked = frame[schema.names].dropna().sample(rows, replace=True, random_state=0).reset_index(drop=True)
    table = Table(pd.DataFrame({c.name: conform(picked[c.name], c) for c in schema.columns}))
    arrays = {name: series.to_numpy(dtype=object if series.dtype.kind not in "iufb" else None)
              for name, series in table.frame.items()}
    return table, arrays


def measure(deployment: PreparedDeployment, frame: pd.DataFrame, rows: int, repeats: int) -> tuple[float, ...]:
    """Median ms of the compiled path, the general path and scikit-learn on `rows` rows."""
    (model,) = [v for v in deployment.fitted() if isinstance(v, TrainedModel)]
    predict = model.pipeline.predict_proba if model.task.classification else model.pipeline.predict
    name = deployment.inputs[0].name
    table, arrays = request(frame, deployment, rows)
    features = table.frame[[c.name for c in model.features]]
    return (median_ms(lambda: deployment.score_columns({name: arrays}), repeats),
            median_ms(lambda: deployment.score_general({name: table}), repeats),
            median_ms(lambda: predict(features), repeats))


def main(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder))
        engine = Engine(workspace, max_workers=2)
        print(f"{'pipeline':58} {'rows':>5} {'compiled ms':>12} {'general ms':>11} {'sklearn ms':>11} "
              f"{'compiled/sklearn':>17} {'general/sklearn':>16}")
        try:
            for sample, learner in CASES:
                training = with_learner(Pipeline.load(SAMPLES / f"{sample}.json"), learner, engine)
                job = engine.submit(training).wait(600)
                pipeline, _ = create_inference_pipeline(workspace, job.id, "realtime")
                deployment = PreparedDeployment(pipeline, engine.registry, workspace.datasets)
                (data,) = [n for n in pipeline.nodes if n.component == "dataset"]
                frame = workspace.datasets.load_dataset(data.params["Dataset"]).frame
                for rows in SIZES:
                    compiled, general, sklearn = measure(deployment, frame, rows, repeats)
                    label = f"{sample} ({learner or 'as shipped'}, {deployment.path})"
                    print(f"{label:58} {rows:>5} {compiled:>12.3f} {general:>11.3f} {sklearn:>11.3f} "
                          f"{compiled / sklearn:>17.2f} {general / sklearn:>16.2f}")
        finally:
            engine.close()
            workspace.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
