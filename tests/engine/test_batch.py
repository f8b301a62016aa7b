"""A row-wise batch pipeline scores its data set chunk by chunk, with the results of the step-by-step path."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq

from engine import batch
from engine.artifacts import ArtifactRef
from engine.batch import chunk_plan
from engine.engine import Engine
from engine.pipeline import Pipeline
from nodes.component import Component
from nodes.errors import ComponentError
from nodes.ports import DataFrame
from nodes.registry import Registry, discover
from tests.engine.builders import node, pipeline, wire

TRAIN = "x,label\n" + "".join(f"{i},{2 * i + 1}\n" for i in range(20))


def scoring(workspace, tmp_path, kind: str) -> tuple[Pipeline, str]:
    rows = pd.DataFrame({"x": [float(i) for i in range(400)], "other": ["a", "b"] * 200})
    path = tmp_path / "to-score.csv"
    rows.to_csv(path, index=False)
    workspace.datasets.register(path, "to score")
    train_data, learner = node("enter_data_manually", Data=TRAIN), node("linear_regression")
    train = node("train_model", **{"Label column": ["label"]})
    data, pick = node("dataset", Dataset="to score"), node("select_columns", **{"Select Columns": ["x"]})
    score = node("score_model")
    edges = [wire(train_data, "Dataset", train, "Dataset"), wire(learner, "Untrained model", train, "Untrained model"),
             wire(data, "Dataset", pick, "Dataset"), wire(pick, "Results dataset", score, "Dataset"),
             wire(train, "Trained model", score, "Trained model")]
    return pipeline(train_data, learner, train, data, pick, score, edges=edges, kind=kind), score.id


def test_only_a_batch_pipeline_of_row_wise_steps_is_streamed(engine, workspace, tmp_path):
    streamed, _ = scoring(workspace, tmp_path, "batch")
    plan = chunk_plan(streamed, engine.registry)
    assert plan is not None and len(plan.streamed) == 2 and len(plan.constant) == 3
    assert chunk_plan(streamed.model_copy(update={"kind": "training"}), engine.registry) is None
    evaluate = node("evaluate_model")  # aggregates over all rows: not row-wise
    score = next(n for n in streamed.nodes if n.component == "score_model")
    with_evaluation = streamed.model_copy(update={"nodes": [*streamed.nodes, evaluate],
                                                  "edges": [*streamed.edges, wire(score, "Scored dataset",
                                                                                  evaluate, "Scored dataset")]})
    assert chunk_plan(with_evaluation, engine.registry) is None


def test_chunks_give_the_step_by_step_scores(engine, workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ROWS", 64)
    streamed, score = scoring(workspace, tmp_path, "batch")
    job = engine.submit(streamed, regenerate=True).wait(120)
    assert job.status == "Completed", job.error
    assert {s.status for s in job.steps} == {"Completed"}
    assert "64 rows at a time" in job.step(score).logs
    scored = ArtifactRef.from_dict(job.step(score).outputs["Scored dataset"])
    assert pq.ParquetFile(workspace.artifacts.path(scored)).num_row_groups == 7  # 400 rows, 64 a chunk
    reference = engine.submit(streamed.model_copy(update={"kind": "training"}), regenerate=True).wait(120)
    pd.testing.assert_frame_equal(engine.output(job.id, score, "Scored dataset").frame,
                                  engine.output(reference.id, score, "Scored dataset").frame)
    again = engine.submit(streamed).wait(120)  # nothing changed: reused like any job
    assert {s.status for s in again.steps} == {"Reused"}


def _fail_late_run(ctx, inputs, params):
    table = inputs["Dataset"]
    if (table.frame["x"] > 300).any():
        raise ComponentError(17, "InvalidColumnType", 'Column "x" must be of type small.', column="x")
    return {"Results dataset": table}


FAIL_LATE = Component(id="test_fail_late", name="Fail Late", category="Data Transformation", description="fails",
                      inputs=(DataFrame("Dataset"),), outputs=(DataFrame("Results dataset"),), row_wise=True,
                      configure=lambda ctx, inputs, params: {"Results dataset": inputs["Dataset"]},
                      run=_fail_late_run)


def test_a_node_failing_on_a_later_chunk_fails_the_job_by_name(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ROWS", 64)
    engine = Engine(workspace, registry=Registry([*discover(), FAIL_LATE]), max_workers=2)
    streamed, score = scoring(workspace, tmp_path, "batch")
    pick = next(n for n in streamed.nodes if n.component == "select_columns")
    late = node("test_fail_late")
    edges = [e for e in streamed.edges if e.target != score]
    edges += [wire(pick, "Results dataset", late, "Dataset"), wire(late, "Results dataset", streamed.node(score),
                                                                   "Dataset"),
              next(e for e in streamed.edges if e.target == score and e.target_port == "Trained model")]
    job = engine.submit(streamed.model_copy(update={"nodes": [*streamed.nodes, late], "edges": edges}),
                        regenerate=True).wait(120)
    engine.close()
    assert job.status == "Failed"
    assert job.step(late.id).status == "Failed" and job.step(late.id).error["code"] == "0017"
    assert "Fail Late: Error 0017" in job.error
    assert not [s for s in job.steps if s.status in ("Queued", "Running", "NotStarted")]
    assert not list(workspace.artifacts.root.glob("*/*.tmp"))  # the half-written files are gone
