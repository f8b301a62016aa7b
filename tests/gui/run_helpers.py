"""Pipelines shared by the run-and-inspect GUI tests."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from engine.pipeline import Edge, Node, Pipeline

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SCORE_MODEL = "42f54ca8-206d-4c83-abb1-ea3cf527f5ec"
EVALUATE_MODEL = "2d725a42-8fbf-4884-8b0d-3c3a5ce8c5b8"
TRAIN_MODEL = "88f7155c-3ae5-463e-b5b8-aa1979caa92a"


def binary_sample() -> Pipeline:
    return Pipeline.load(SAMPLES / "binary_breast_cancer.json")


def label_picker(column: str) -> dict:
    return {"isFilter": True, "rules": [{"ruleType": "ColumnNames", "exclude": False, "columns": [column]}]}


def wire(source: Node, source_port: str, target: Node, target_port: str) -> Edge:
    return Edge(source=source.id, source_port=source_port, target=target.id, target_port=target_port)


def training_pipeline(frame: pd.DataFrame, label: str, **learner: object) -> tuple[Pipeline, dict[str, Node]]:
    """Enter Data Manually -> Train Model (Two-Class Logistic Regression) -> Score Model on the same data."""
    nodes = {"data": Node(component="enter_data_manually", params={"Data": frame.to_csv(index=False)}),
             "learner": Node(component="two_class_logistic_regression", params=dict(learner)),
             "train": Node(component="train_model", params={"Label column": label_picker(label)}),
             "score": Node(component="score_model")}
    edges = [wire(nodes["data"], "Dataset", nodes["train"], "Dataset"),
             wire(nodes["learner"], "Untrained model", nodes["train"], "Untrained model"),
             wire(nodes["train"], "Trained model", nodes["score"], "Trained model"),
             wire(nodes["data"], "Dataset", nodes["score"], "Dataset")]
    return Pipeline(name="Manual data", nodes=list(nodes.values()), edges=edges), nodes


def features(rows: int, columns: int = 8, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, columns))
    frame = pd.DataFrame(x, columns=[f"x{i}" for i in range(columns)])
    frame["label"] = np.where(x[:, 0] + rng.normal(size=rows) > 0, "yes", "no")
    return frame


def slow_pipeline(seconds: float = 60) -> tuple[Pipeline, dict[str, Node]]:
    """A step that runs until cancelled (it checks for cancellation every 10 ms), then one after it; needs an
    engine with the test components (`slow_engine`)."""
    slow = Node(component="test_slow", params={"Seconds": seconds}, position=(0.0, 0.0))
    after = Node(component="test_pass", position=(0.0, 120.0))
    edge = Edge(source=slow.id, source_port="Dataset", target=after.id, target_port="Dataset")
    return Pipeline(name="Slow", nodes=[slow, after], edges=[edge]), {"slow": slow, "after": after}


def run(engine, pipeline: Pipeline, **kwargs):
    """Submit and wait for the job (for tests that inspect a finished job)."""
    handle = engine.submit(pipeline, **kwargs)
    record = handle.wait(60)
    assert record.status == "Completed", record.error
    return record
