"""Evaluate Model's view for the tasks beyond regression and binary classification: multiclass and clustering."""
from __future__ import annotations

import pandas as pd

from designer_app.preview.evaluation_view import EvaluationView
from engine.pipeline import Pipeline
from nodes import evaluation
from nodes.models import Task
from tests.gui.run_helpers import SAMPLES, run


def view_of(engine, qtbot, sample):
    pipeline = Pipeline.load(SAMPLES / sample)
    job = run(engine, pipeline)
    evaluate = next(n.id for n in pipeline.nodes if n.component == "evaluate_model")
    view = EvaluationView(engine, job.id, evaluate, "Evaluation results")
    qtbot.addWidget(view)
    return view, engine.output(job.id, evaluate, "Evaluation results").frame


def test_clustering_shows_the_rows_per_cluster(engine, qtbot):
    view, results = view_of(engine, qtbot, "clustering_palmer_penguins.json")
    assert view.task is Task.CLUSTERING and not view.inputs
    pd.testing.assert_frame_equal(view.metrics_model.frame, results)
    assert view.metrics_model.rowCount() == 4


def test_multiclass_shows_a_confusion_matrix_per_model(engine, qtbot):
    view, results = view_of(engine, qtbot, "multiclass_palmer_penguins.json")
    assert view.task is Task.MULTICLASS and len(view.side_charts) == 2
    for scored, charts in zip(view.inputs, view.side_charts, strict=True):
        matrix, classes = evaluation.confusion_matrix(scored.actual, scored.predicted)
        assert (charts[0].matrix == matrix).all()
    assert view.metrics()[0]["Macro_Recall"] == results["Macro_Recall"].iloc[0]
