"""A pipeline job, read-only: its graph snapshot with per-node status, and per-node Parameters, Outputs + logs
and Metrics; Clone to a new draft, Resubmit with other parameter values, Cancel while it runs."""
from __future__ import annotations

import json
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer_app import run_status
from designer_app.canvas.adapter import CanvasAdapter
from designer_app.canvas.running_clock import RunningClock
from designer_app.engine_bridge import EngineBridge
from designer_app.inference_actions import INFERENCE_KINDS
from designer_app.jobs.step_updates import updated
from designer_app.logs_panel import StepLogsPanel
from designer_app.preview.viewers import VIEWERS
from designer_app.submit_dialog import SubmitDialog
from engine.compute_targets import StoredTargets, dashboards
from engine.engine import Engine
from engine.events import JobEvent, MetricEvent, StepEvent
from engine.job_store import ACTIVE, JobRecord, StepRecord

NODE_ID = Qt.ItemDataRole.UserRole + 1
OUTPUTS_TAB = 1


def describe(value: Any) -> str:
    """A parameter value as the properties pane words it (a column selection as its column names)."""
    if isinstance(value, dict) and "rules" in value:
        return ", ".join(c for rule in value["rules"] for c in map(str, rule.get("columns", []))) or "(none)"
    return json.dumps(value) if isinstance(value, (dict, list)) else str(value)


def key_value_tree(headers: tuple[str, str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class JobView(QWidget):
    """Emits `cloned(draft_id)` after Clone, `resubmitted(job_id)` after Resubmit, and
    `output_requested(job_id, node_id, port)` when an output's viewer button is clicked (port: a nodes.ports.Port),
    `inference_requested(job_id, kind)` from Create inference pipeline ("realtime" or "batch") and
    `publish_requested(job_id)` from Publish and `deploy_requested(job_id)` from Deploy (a real-time inference job)."""

    cloned = Signal(str)
    resubmitted = Signal(str)
    output_requested = Signal(str, str, object)
    inference_requested = Signal(str, str)
    publish_requested = Signal(str)
    deploy_requested = Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, job_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.job_id = engine, job_id
        bridge.step_event.connect(self._on_step)  # before reading the job: events are queued until we return
        bridge.job_event.connect(self._on_job)
        bridge.metric_event.connect(self._on_metric)
        self.job: JobRecord = engine.workspace.jobs.get(job_id)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.badge = QLabel()
        self.dashboard = QLabel(openExternalLinks=True, toolTip="The Dask dashboard of the cluster this job runs on")
        self.meta = QLabel()
        self.meta.setObjectName("hint")
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #a4262c;")
        self.clone_button = QPushButton("Clone", clicked=self.clone)
        self.resubmit_button = QPushButton("Resubmit", clicked=self.resubmit)
        self.cancel_button = QPushButton("Cancel", clicked=lambda: self.engine.cancel(self.job_id))
        self.inference_button = QPushButton("Create inference pipeline")
        self.inference_button.setMenu(QMenu(self.inference_button))
        for label, kind in INFERENCE_KINDS:
            self.inference_button.menu().addAction(label, lambda k=kind: self.inference_requested.emit(self.job_id, k))
        self.publish_button = QPushButton("Publish…", clicked=lambda: self.publish_requested.emit(self.job_id))
        self.deploy_button = QPushButton("Deploy…", clicked=lambda: self.deploy_requested.emit(self.job_id),
                                         toolTip="Deploy this real-time inference job as an online endpoint")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.badge)
        header.addWidget(self.dashboard)
        header.addStretch()
        for button in (self.cancel_button, self.inference_button, self.deploy_button, self.publish_button,
                       self.resubmit_button, self.clone_button):
            header.addWidget(button)

        self.steps = QTreeWidget()
        self.steps.setHeaderLabels(("Component", "Status", "Duration"))
        self.steps.setRootIsDecorated(False)
        self.steps.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps.currentItemChanged.connect(lambda item, _: self.select_node(item.data(0, NODE_ID))
                                              if item else None)
        self.step_items: dict[str, QTreeWidgetItem] = {}

        self.parameters = key_value_tree(("Parameter", "Value"))
        self.outputs = QWidget()
        self.outputs_layout = QVBoxLayout(self.outputs)
        self.logs = StepLogsPanel(engine, bridge)
        outputs_tab = QWidget()
        outputs_tab_layout = QVBoxLayout(outputs_tab)
        outputs_tab_layout.addWidget(self.outputs)
        outputs_tab_layout.addWidget(self.logs, 1)
        self.metrics = key_value_tree(("Metric", "Value"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.parameters, "Parameters")
        self.tabs.addTab(outputs_tab, "Outputs + logs")
        self.tabs.addTab(self.metrics, "Metrics")

        self.canvas = CanvasAdapter(engine.registry, parent=self)
        self.canvas.load(self.job.pipeline)
        self.clock = RunningClock(self.canvas, self)
        self.canvas.viewer.setInteractive(False)  # a job's graph is a snapshot: pan and zoom only
        self.canvas.viewer.viewport().installEventFilter(self)  # a click on a node selects its step
        snapshot = QSplitter(Qt.Orientation.Vertical)
        snapshot.addWidget(self.canvas.widget)
        snapshot.addWidget(self.steps)
        snapshot.setSizes([420, 200])
        splitter = QSplitter()
        splitter.addWidget(snapshot)
        splitter.addWidget(self.tabs)
        splitter.setSizes([520, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.meta)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)

        self.node_id: str | None = None
        self._fill_steps()
        self._fill_header()
        if self.steps.topLevelItemCount():
            self.steps.setCurrentItem(self.steps.topLevelItem(0))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        QTimer.singleShot(0, self.canvas.fit)  # once the canvas has its size

    # The snapshot and its status.
    def _records(self) -> dict[str, StepRecord]:
        return {s.node_id: s for s in self.job.steps}

    def _fill_steps(self) -> None:
        records = self._records()
        order = [s.node_id for s in self.job.steps] or [n.id for n in self.job.pipeline.nodes]
        for node_id in order:
            node = self.job.pipeline.node(node_id)
            name = self.engine.registry[node.component].name if node.component in self.engine.registry \
                else node.component
            item = QTreeWidgetItem([name, "", ""])
            item.setData(0, NODE_ID, node_id)
            self.steps.addTopLevelItem(item)
            self.step_items[node_id] = item
            self._set_step(node_id, records.get(node_id))

    def _set_step(self, node_id: str, step: StepRecord | None) -> None:
        item = self.step_items[node_id]
        status = step.status if step else "NotStarted"
        item.setIcon(1, run_status.icon(status))
        item.setText(1, run_status.LABELS.get(status, status))
        item.setText(2, run_status.format_duration(step.duration) if step else "")
        if step and status == "Running":
            since = run_status.elapsed_since(step.started) or 0.0
            self.clock.start(node_id, self.clock.started(node_id, time.time() - since), step.progress)
        elif step:
            self.clock.stop(node_id)
            self.canvas.set_status(node_id, status, step.progress, step.duration)

    def _fill_header(self) -> None:
        job = self.job
        self.title.setText(job.display_name)
        self.badge.setText(run_status.LABELS.get(job.status, job.status))
        self.badge.setStyleSheet(f"color: white; background: {run_status.COLORS.get(job.status, '#8a8886')};"
                                 "border-radius: 3px; padding: 2px 8px;")
        parts = [f"Experiment {job.experiment}", f"Submitted {run_status.format_time(job.created)}"]
        if job.duration is not None:
            parts.append(f"Duration {run_status.format_duration(job.duration)}")
        if job.parameters:
            parts.append("Parameters " + ", ".join(f"{k} = {v}" for k, v in job.parameters.items()))
        self.meta.setText("   ·   ".join(parts))
        self.error.setText(job.error or "")
        self.error.setVisible(bool(job.error) and job.status == "Failed")
        self.cancel_button.setVisible(job.status in ACTIVE)
        links = dashboards(job.pipeline, StoredTargets(self.engine.workspace.store)) if job.status in ACTIVE else {}
        self.dashboard.setText("  ".join(f'<a href="{url}">Dask dashboard ({name})</a>' for name, url in links.items()))
        self.dashboard.setVisible(bool(links))
        self.inference_button.setVisible(job.status == "Completed" and job.pipeline.kind == "training")
        self.publish_button.setVisible(job.status == "Completed")
        self.deploy_button.setVisible(job.status == "Completed" and job.pipeline.kind == "realtime")

    def _on_step(self, event: StepEvent) -> None:
        if event.job_id != self.job_id or event.progress is not None or event.node_id not in self.step_items:
            return
        records = self._records()
        step = updated(records.get(event.node_id), event, self.job.pipeline.node(event.node_id).component)
        records[event.node_id] = step
        self.job.steps = list(records.values())
        self._set_step(event.node_id, step)
        if event.node_id == self.node_id:
            self._fill_outputs()

    def _on_job(self, event: JobEvent) -> None:
        """The job's start and end: read the record once (times, error) from the store."""
        if event.job_id == self.job_id:
            self.job = self.engine.workspace.jobs.get(self.job_id)
            for node_id in self.step_items:
                self._set_step(node_id, self._records().get(node_id))
            self._fill_header()

    def _on_metric(self, event: MetricEvent) -> None:
        if event.job_id == self.job_id:
            self.job.metrics.setdefault(event.node_id, {}).update(event.metrics)
            if event.node_id == self.node_id:
                self._fill_metrics()

    # The selected node's tabs.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.MouseButtonPress and watched is self.canvas.viewer.viewport():
            node_id = self.canvas.node_at(event.position().toPoint())
            if node_id in self.step_items:
                self.select_node(node_id)
        return super().eventFilter(watched, event)

    def select_node(self, node_id: str) -> None:
        self.node_id = node_id
        if self.steps.currentItem() is not self.step_items[node_id]:
            self.steps.setCurrentItem(self.step_items[node_id])
        self.canvas.select(node_id)
        self.parameters.clear()
        for name, value in self.job.pipeline.node(node_id).params.items():
            self.parameters.addTopLevelItem(QTreeWidgetItem([name, describe(value)]))
        self._fill_outputs()
        self._fill_metrics()
        self.logs.show_step(self.job_id, node_id)
        step = self._records().get(node_id)
        if step and step.status == "Failed":
            self.tabs.setCurrentIndex(OUTPUTS_TAB)

    def _fill_outputs(self) -> None:
        while self.outputs_layout.count():
            self.outputs_layout.takeAt(0).widget().deleteLater()
        node = self.job.pipeline.node(self.node_id)
        step = self._records().get(self.node_id)
        if node.component not in self.engine.registry:
            return
        component = self.engine.registry[node.component]
        for port in component.outputs:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(port.name))
            line.addStretch()
            if port.viewer in VIEWERS:
                button = QPushButton(VIEWERS[port.viewer].label)
                button.setEnabled(bool(step and port.name in step.outputs))
                button.clicked.connect(lambda _=False, p=port: self.output_requested.emit(self.job_id, self.node_id, p))
                line.addWidget(button)
            self.outputs_layout.addWidget(row)

    def _fill_metrics(self) -> None:
        self.metrics.clear()
        for name, value in self.job.metrics.get(self.node_id, {}).items():
            self.metrics.addTopLevelItem(QTreeWidgetItem([name, f"{value:.6g}"]))

    # Actions.
    def clone(self) -> str:
        """A new draft holding this job's pipeline; returns its id."""
        draft_id = self.engine.workspace.drafts.create(self.job.pipeline)
        self.cloned.emit(draft_id)
        return draft_id

    def resubmit(self) -> SubmitDialog:
        """Open the submit dialog prefilled with this job's settings; `resubmitted` follows its Submit."""
        dialog = SubmitDialog(self.engine, self.job.pipeline, self, values=self.job.parameters,
                              experiment=self.job.experiment, display_name=self.job.display_name,
                              description=self.job.description)
        dialog.accepted.connect(lambda: self.resubmitted.emit(dialog.handle.id))
        dialog.open()
        return dialog
