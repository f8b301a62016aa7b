"""In-memory evaluation: the same results as a job, with no job record, no artifact written, no reuse."""
from __future__ import annotations

import pandas as pd
import pytest

from engine.evaluate import Evaluation, EvaluationError, evaluate
from engine.samples import sample_pipelines
from nodes.table import Table
from tests.engine.builders import data_node, node, pipeline, wire
from tests.engine.test_compute import seeded

REGRESSION = "Regression: Automobile fuel economy (Basic)"


def artifact_rows(workspace) -> int:
    return workspace.store.db.execute("select count(*) from artifacts").fetchone()[0]


@pytest.mark.parametrize("name", sorted(sample_pipelines()))
def test_a_sample_evaluates_in_memory_to_what_its_job_computed(engine, workspace, name):
    sample = seeded(sample_pipelines()[name], engine.registry)
    job = engine.submit(sample, regenerate=True).wait(300)
    assert job.status == "Completed", job.error
    before = artifact_rows(workspace), len(workspace.jobs.list())
    values = evaluate(sample, catalog=workspace.datasets)
    assert (artifact_rows(workspace), len(workspace.jobs.list())) == before
    evaluators = [n.id for n in sample.nodes if n.component == "evaluate_model"]
    assert evaluators
    for node_id in evaluators:
        pd.testing.assert_frame_equal(values[node_id]["Evaluation results"].frame,
                                      engine.output(job.id, node_id, "Evaluation results").frame)


def test_given_inputs_stand_in_for_a_node_and_only_kept_outputs_return():
    data, select = data_node(), node("select_columns", **{"Select Columns": ["x"]})
    graph = pipeline(data, select, edges=[wire(data, "Dataset", select, "Dataset")])
    run = Evaluation(graph)
    given = Table(pd.DataFrame({"x": [10.0, 20.0], "y": [1.0, 2.0], "label": ["p", "q"]}))
    result = run({data.id: {"Dataset": given}}, keep=[select.id])
    assert list(result) == [select.id]
    assert result[select.id]["Results dataset"].frame["x"].tolist() == [10.0, 20.0]
    again = run({data.id: {"Dataset": Table(pd.DataFrame({"x": [1.0], "y": [0.0], "label": ["r"]}))}})
    assert again[select.id]["Results dataset"].frame["x"].tolist() == [1.0]  # prepared once, called many times


def test_a_failing_node_is_named_with_its_coded_error():
    data, select = data_node(), node("select_columns", **{"Select Columns": ["nope"]})
    with pytest.raises(EvaluationError) as caught:
        evaluate(pipeline(data, select, edges=[wire(data, "Dataset", select, "Dataset")]))
    assert caught.value.node_id == select.id
    assert (caught.value.error.code, caught.value.error.column) == (1, "nope")
    assert str(caught.value).startswith("Select Columns in Dataset: Error 0001 (ColumnNotFound)")
