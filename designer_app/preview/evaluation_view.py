"""Evaluate Model's visualizations: the metrics table and, by task, ROC / precision-recall / lift curves with a
threshold slider, confusion matrices, or residuals; two scored data sets are shown side by side. Clustering shows
Evaluate Model's rows per cluster as they are."""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QHeaderView, QLabel, QSlider, QTableView, QVBoxLayout, QWidget

from designer_app.preview.charts import SERIES, ConfusionMatrixChart, HistogramChart, LineChart, Series
from designer_app.preview.table_model import FrameModel
from engine.engine import Engine
from engine.preview import histogram
from engine.scored_data import ScoredInput, scored_inputs
from nodes import evaluation
from nodes.models import Task

TASK_NAMES = {Task.BINARY: "Binary classification", Task.MULTICLASS: "Multiclass classification",
              Task.REGRESSION: "Regression", Task.CLUSTERING: "Clustering"}
CLUSTERING_COLUMN = "Result Description"  # only Evaluate Model's clustering results have it
SLIDER_STEPS = 100
ROW_HEIGHT = 22


def binary_point(counts: dict[str, float]) -> dict[str, float]:
    """Where one threshold sits on the ROC, precision-recall and lift curves."""
    tn, fp, fn, tp = (counts[k] for k in evaluation.COUNTS)
    return {"fpr": fp / (fp + tn) if fp + tn else 0.0, "tpr": tp / (tp + fn) if tp + fn else 0.0,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "rate": (tp + fp) / (tn + fp + fn + tp), "tp": tp}


class EvaluationView(QWidget):
    """The `port` output of an Evaluate Model step, built from the step's inputs (the upstream Score Model
    outputs), read via engine.output."""

    def __init__(self, engine: Engine, job_id: str, node_id: str, port: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        results = engine.output(job_id, node_id, port).frame
        clustering = CLUSTERING_COLUMN in results.columns  # no label to plot against: the rows are the view
        self.clusters = results if clustering else None
        self.inputs: list[ScoredInput] = [] if clustering else scored_inputs(engine, job_id, node_id)
        self.task = Task.CLUSTERING if clustering else self.inputs[0].task
        self.threshold = 0.5
        self.setWindowTitle(f"{engine.workspace.jobs.get(job_id).step(node_id).name} › {port}")
        self.resize(1100, 760)

        title = QLabel(port)
        title.setStyleSheet("font-size: 16px; font-weight: 600;")
        compared = " — comparing two scored data sets" if len(self.inputs) > 1 else ""
        subtitle = QLabel(f"{TASK_NAMES[self.task]}{compared}")
        subtitle.setObjectName("hint")
        self.metrics_model = FrameModel(pd.DataFrame(), parent=self)
        self.metrics_table = QTableView()
        self.metrics_table.setModel(self.metrics_model)
        self.metrics_table.verticalHeader().hide()
        self.metrics_table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.metrics_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.metrics_table.setAlternatingRowColors(True)
        self.metrics_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.metrics_table.setMinimumWidth(460)  # metric names such as Coefficient_of_Determination in full
        self.metrics_table.setMaximumWidth(640)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        self.charts = QGridLayout()
        if self.task is Task.BINARY:
            self._build_binary(layout)
        elif self.task is Task.CLUSTERING:
            layout.addWidget(self.metrics_table, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            layout.addWidget(self.metrics_table, 0, Qt.AlignmentFlag.AlignLeft)
            self._build_other()
        layout.addLayout(self.charts, 1)
        self.refresh()

    # Binary classification: curves, threshold, confusion matrices.
    def _build_binary(self, layout: QVBoxLayout) -> None:
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setValue(round(self.threshold * SLIDER_STEPS))
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(10)
        self.slider.valueChanged.connect(lambda value: self.set_threshold(value / SLIDER_STEPS))
        self.threshold_label = QLabel()
        self.threshold_label.setMinimumWidth(110)
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.threshold_label)
        slider_row.addWidget(self.slider, 1)
        top = QHBoxLayout()
        top.addWidget(self.metrics_table, 3)
        self.matrices = [ConfusionMatrixChart(f"Confusion matrix — {i.port}") for i in self.inputs]
        for chart in self.matrices:
            top.addWidget(chart, 2)
        layout.addLayout(top)
        layout.addLayout(slider_row)
        self.roc, self.pr, self.lift = LineChart("ROC curve"), LineChart("Precision-recall curve"), \
            LineChart("Lift curve")
        for column, chart in enumerate((self.roc, self.pr, self.lift)):
            self.charts.addWidget(chart, 0, column)
        self.curves = [(evaluation.roc_curve(i.actual, i.scores), evaluation.precision_recall_curve(i.actual, i.scores),
                        evaluation.lift_curve(i.actual, i.scores)) for i in self.inputs]

    def set_threshold(self, threshold: float) -> None:
        """Recompute the metrics, confusion matrices and curve markers at `threshold`."""
        self.threshold = threshold
        if self.slider.value() != round(threshold * SLIDER_STEPS):
            self.slider.setValue(round(threshold * SLIDER_STEPS))
        self.refresh()

    def _refresh_binary(self) -> None:
        self.threshold_label.setText(f"Threshold <b>{self.threshold:.2f}</b>")
        roc, pr, lift = [], [], []
        for scored, color, (roc_data, pr_data, lift_data), matrix in zip(
                self.inputs, SERIES, self.curves, self.matrices):
            counts = evaluation.binary_counts(scored.actual, scored.scores, self.threshold)
            point = binary_point(counts)
            roc.append(Series(scored.port, roc_data["false_positive_rate"], roc_data["true_positive_rate"], color,
                              marker=(point["fpr"], point["tpr"])))
            pr.append(Series(scored.port, pr_data["recall"], pr_data["precision"], color,
                             marker=(point["tpr"], point["precision"])))
            lift.append(Series(scored.port, lift_data["positive_rate"], lift_data["true_positives"].astype(float),
                               color, marker=(point["rate"], point["tp"])))
            matrix.set_matrix(np.array([[counts["TN"], counts["FP"]], [counts["FN"], counts["TP"]]]),
                              scored.classes)
        unit = (0.0, 1.0)
        self.roc.set_series(roc, "False positive rate", "True positive rate", unit, unit, reference=((0, 0), (1, 1)))
        self.pr.set_series(pr, "Recall", "Precision", unit, (0.0, 1.02))
        top = max(float(s.y.max()) for s in lift) if lift else 1.0
        self.lift.set_series(lift, "Positive rate", "True positives", unit, (0.0, top * 1.05),
                             reference=((0, 0), (1, top)))

    # Multiclass and regression.
    def _build_other(self) -> None:
        self.side_charts: list[tuple[QWidget, ...]] = []
        for column, scored in enumerate(self.inputs):
            if self.task is Task.MULTICLASS:
                charts: tuple[QWidget, ...] = (ConfusionMatrixChart(f"Confusion matrix — {scored.port}"),)
            else:
                charts = (LineChart(f"Residuals — {scored.port}"), HistogramChart(f"Residual histogram — {scored.port}"))
            for row, chart in enumerate(charts):
                if len(self.inputs) == 1:  # one model: its charts side by side
                    row, column = 0, row
                self.charts.addWidget(chart, row, column)
            self.side_charts.append(charts)

    def _refresh_other(self) -> None:
        for scored, charts, color in zip(self.inputs, self.side_charts, SERIES):
            if self.task is Task.MULTICLASS:
                charts[0].set_matrix(*evaluation.confusion_matrix(scored.actual, scored.predicted))
                continue
            residuals = scored.actual - scored.predicted
            points, spread = charts
            low, high = float(np.nanmin(scored.predicted)), float(np.nanmax(scored.predicted))
            points.set_series([Series(scored.port, scored.predicted, residuals, color, points=True)],
                              "Scored Labels", "Residual (label − score)", reference=((low, 0.0), (high, 0.0)))
            spread.set_histogram(histogram(residuals), "Residual")

    def metrics(self) -> list[dict[str, float]]:
        """Each scored data set's metrics, by the metric names Evaluate Model writes (binary: at the threshold)."""
        if self.task is Task.BINARY:
            return [evaluation.binary_metrics(i.actual, i.scores, self.threshold) for i in self.inputs]
        if self.task is Task.MULTICLASS:
            return [evaluation.multiclass_metrics(i.actual, i.predicted) for i in self.inputs]
        return [evaluation.regression_metrics(i.actual, i.predicted) for i in self.inputs]

    def refresh(self) -> None:
        if self.task is Task.CLUSTERING:
            frame = self.clusters
        else:
            rows = self.metrics()
            frame = pd.DataFrame({"Metric": list(rows[0]),
                                  **{i.port: list(r.values()) for i, r in zip(self.inputs, rows)}})
        self.metrics_model.set_frame(frame)
        header = self.metrics_table.horizontalHeader().sizeHint().height()
        self.metrics_table.setFixedHeight(header + ROW_HEIGHT * len(frame) + 2 * self.metrics_table.frameWidth())
        if self.task is Task.BINARY:
            self._refresh_binary()
        elif self.task is not Task.CLUSTERING:
            self._refresh_other()
