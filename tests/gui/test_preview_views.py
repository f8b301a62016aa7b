"""Preview data on an output port, and Evaluate Model's visualizations."""
from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt

from designer_app.preview.evaluation_view import EvaluationView
from designer_app.preview.preview_dialog import PreviewDialog
from designer_app.preview.table_model import FrameModel
from engine.pipeline import Edge, Node, Pipeline
from nodes.models import Task
from tests.gui.run_helpers import EVALUATE_MODEL, SAMPLES, SCORE_MODEL, binary_sample, features, run, training_pipeline


@pytest.fixture
def binary_job(engine):
    return run(engine, binary_sample())


def test_preview_shows_counts_first_rows_and_column_statistics(engine, binary_job, qtbot):
    dialog = PreviewDialog(engine, binary_job.id, SCORE_MODEL, "Scored dataset")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.summary is not None)  # read and summarised off the GUI thread
    frame = engine.output(binary_job.id, SCORE_MODEL, "Scored dataset").frame
    assert frame.shape == (172, 33)
    assert (dialog.model.rowCount(), dialog.model.columnCount()) == (100, 33)
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "mean radius"
    assert [label.text().split("<br>")[1] for label in dialog.counts] == [
        "<span style='font-size:18px; font-weight:600'>172</span>",
        "<span style='font-size:18px; font-weight:600'>33</span>"]
    assert dialog.summary.name == "mean radius" and dialog.column.feature_type.text() == "Numeric Feature"
    assert float(dialog.column.values["Mean"].text()) == pytest.approx(frame["mean radius"].mean(), rel=1e-5)
    assert sum(dialog.summary.histogram.counts) == 172
    assert dialog.column.histogram.isVisibleTo(dialog) and not dialog.column.bars.isVisibleTo(dialog)

    with qtbot.waitSignal(dialog.summarized):
        dialog.select_column(list(frame.columns).index("diagnosis"))
    assert dialog.column.feature_type.text() == "String Label"
    assert dialog.column.values["Unique Values"].text() == "2"
    assert dialog.column.bars.isVisibleTo(dialog) and not dialog.column.histogram.isVisibleTo(dialog)
    assert dict(dialog.summary.top_values) == frame["diagnosis"].value_counts().to_dict()


def test_the_table_model_is_lazy_and_capped_at_100_by_100():
    import pandas as pd
    frame = pd.DataFrame(np.arange(250 * 120).reshape(250, 120))
    model = FrameModel(frame)
    assert (model.rowCount(), model.columnCount()) == (100, 100)
    assert model.data(model.index(99, 99)) == str(frame.iat[99, 99])


def test_threshold_slider_recomputes_the_metrics(engine, binary_job, qtbot):
    view = EvaluationView(engine, binary_job.id, EVALUATE_MODEL, "Evaluation results")
    qtbot.addWidget(view)
    assert view.task is Task.BINARY
    stored = binary_job.metrics[EVALUATE_MODEL]
    at_half = view.metrics()[0]
    assert at_half["Accuracy"] == pytest.approx(stored["Accuracy"]) and at_half["TP"] == stored["TP"]
    view.slider.setValue(90)
    assert view.threshold == pytest.approx(0.9)
    strict = view.metrics()[0]
    assert strict["TP"] + strict["FP"] < at_half["TP"] + at_half["FP"]
    assert strict["AUC"] == pytest.approx(at_half["AUC"])
    shown = {view.metrics_model.frame.iat[i, 0]: view.metrics_model.frame.iat[i, 1]
             for i in range(view.metrics_model.rowCount())}
    assert shown["TP"] == strict["TP"] and shown["Precision"] == pytest.approx(strict["Precision"])
    assert view.matrices[0].matrix[1, 1] == strict["TP"]
    assert "0.90" in view.threshold_label.text()


def test_two_compared_models_are_shown_side_by_side(engine, qtbot):
    pipeline, nodes = training_pipeline(features(300), "label")
    other, _ = training_pipeline(features(300), "label", **{"L2 regularization weight": 50.0})
    learner, train, score = (Node(component=n.component, params=n.params) for n in other.nodes[1:])
    evaluate = Node(component="evaluate_model")
    pipeline.nodes += [learner, train, score, evaluate]
    data = nodes["data"].id
    pipeline.edges += [Edge(source=data, source_port="Dataset", target=train.id, target_port="Dataset"),
                       Edge(source=learner.id, source_port="Untrained model", target=train.id,
                            target_port="Untrained model"),
                       Edge(source=train.id, source_port="Trained model", target=score.id, target_port="Trained model"),
                       Edge(source=data, source_port="Dataset", target=score.id, target_port="Dataset"),
                       Edge(source=nodes["score"].id, source_port="Scored dataset", target=evaluate.id,
                            target_port="Scored dataset"),
                       Edge(source=score.id, source_port="Scored dataset", target=evaluate.id,
                            target_port="Scored dataset to compare")]
    job = run(engine, pipeline)
    view = EvaluationView(engine, job.id, evaluate.id, "Evaluation results")
    qtbot.addWidget(view)
    assert [i.port for i in view.inputs] == ["Scored dataset", "Scored dataset to compare"]
    assert list(view.metrics_model.frame.columns) == ["Metric", "Scored dataset", "Scored dataset to compare"]
    assert len(view.matrices) == 2 and len(view.roc.series) == 2
    assert view.metrics()[1]["AUC"] == pytest.approx(job.metrics[evaluate.id]["AUC (compare)"])


def test_regression_shows_residuals(engine, qtbot):
    pipeline = Pipeline.load(SAMPLES / "regression_automobile_fuel_economy.json")
    job = run(engine, pipeline)
    evaluate = next(n.id for n in pipeline.nodes if n.component == "evaluate_model")
    view = EvaluationView(engine, job.id, evaluate, "Evaluation results")
    qtbot.addWidget(view)
    assert view.task is Task.REGRESSION
    points, spread = view.side_charts[0]
    scored = view.inputs[0]
    assert np.allclose(points.series[0].y, scored.actual - scored.predicted)
    assert sum(spread.histogram.counts) == len(scored.actual)
    assert view.metrics()[0]["Coefficient_of_Determination"] == pytest.approx(
        job.metrics[evaluate]["Coefficient_of_Determination"])


def test_a_big_output_opens_at_once_and_says_its_statistics_are_approximate(engine, binary_job, qtbot, monkeypatch):
    from designer_app.preview import preview_dialog
    monkeypatch.setattr(preview_dialog, "SAMPLE_ROWS", 50)  # 172 rows count as big here
    gate = threading.Event()
    output = engine.output
    monkeypatch.setattr(engine, "output", lambda *a: gate.wait(10) and output(*a))
    dialog = PreviewDialog(engine, binary_job.id, SCORE_MODEL, "Scored dataset")  # returns while the read waits
    qtbot.addWidget(dialog)
    assert dialog.status.text() == "Reading the output…" and dialog.summary is None
    gate.set()
    qtbot.waitUntil(lambda: dialog.summary is not None)
    assert dialog.summary.sampled == 50 and dialog.summary.count == 172
    assert dialog.column.approximate.isVisibleTo(dialog)
    assert "random sample of 50 of the 172 rows" in dialog.column.approximate.text()
