"""Endpoints, as the Azure designer shows them: Real-time endpoints (OnlineEndpointsView) and Pipeline
endpoints: each pipeline endpoint's versions (the default marked, disabled ones greyed), and for the selected
version its pipeline inputs, its graph (read-only), its runs and the Consume tab; Submit, Set as default and
Disable act on the selected version."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer_app import run_status
from designer_app.background import BackgroundCall
from designer_app.canvas.adapter import CanvasAdapter
from designer_app.consume_snippets import Target, scored_output
from designer_app.consume_tab import ConsumeTab
from designer_app.deploy_dialog import DeployDialog
from designer_app.engine_bridge import EngineBridge
from designer_app.online_endpoints_view import OnlineEndpointsView
from designer_app.publish_dialog import PublishDialog, describe_default
from designer_app.scrolled_page import scrolled
from designer_app.submit_dialog import SubmitDialog
from engine.engine import Engine
from engine.job_store import JobRecord
from engine.pipeline import Pipeline
from engine.publishing import PipelineEndpoints, PublishedVersion
from engine.workspace import Workspace

KEY = Qt.ItemDataRole.UserRole + 1  # (endpoint, version or None)
RUN_ID = Qt.ItemDataRole.UserRole + 2
DISABLED_COLOR = "#8a8886"
RUNS_TAB = 2
RUNS_LIMIT = 500
RUNS_DELAY_MS = 250


def runs_of(workspace: Workspace, version: PublishedVersion) -> list[JobRecord]:
    """The recent jobs that ran this version's frozen pipeline (over REST or from the app), newest first."""
    return [job for job in workspace.jobs.list(limit=RUNS_LIMIT) if job.pipeline == version.pipeline]


def _minutes(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


class EndpointsPanel(QWidget):
    """Emits `job_opened(job_id)` when a run is double-clicked or submitted, `published(endpoint, version)` after
    a publish and `deployed(endpoint)` after a deploy."""

    job_opened = Signal(str)
    published = Signal(str, int)
    deployed = Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.endpoints = PipelineEndpoints(engine.workspace, engine.registry)
        self.selected: PublishedVersion | None = None
        self.items: dict[tuple[str, int | None], QTreeWidgetItem] = {}

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(("Endpoint / version", "State", "Published", "Description"))
        self.tree.setAlternatingRowColors(True)
        for column in range(3):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda item, _: self._select(item))

        self.submit_action = QAction("Submit…", self, triggered=self.submit,
                                     toolTip="Run the selected version with parameter values")
        self.default_action = QAction("Set as default", self, triggered=self.set_default,
                                      toolTip="Calls without a version run the selected version")
        self.disable_action = QAction("Disable", self, triggered=self.disable,
                                      toolTip="Refuse calls to the selected version (it is kept)")
        refresh = QAction("Refresh", self, triggered=lambda: self.refresh())
        toolbar = QToolBar()
        for action in (self.submit_action, self.default_action, self.disable_action, refresh):
            toolbar.addAction(action)

        self.heading = QLabel(wordWrap=True)
        self.parameters = QTreeWidget(rootIsDecorated=False, alternatingRowColors=True)
        self.parameters.setHeaderLabels(("Pipeline input", "Kind", "Default"))
        self.canvas = CanvasAdapter(engine.registry, parent=self)
        self.canvas.viewer.setInteractive(False)  # a published version is frozen: pan and zoom only
        self.runs = QTreeWidget(rootIsDecorated=False, alternatingRowColors=True)
        self.runs.setHeaderLabels(("Run", "Status", "Submitted", "Duration"))
        self.runs.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.runs.itemDoubleClicked.connect(lambda item, _: self.job_opened.emit(item.data(0, RUN_ID)))
        self.consume = ConsumeTab(engine.workspace)
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(scrolled(self.parameters), "Pipeline inputs")
        self.tabs.addTab(self.canvas.widget, "Graph")
        self.tabs.addTab(scrolled(self.runs), "Runs")
        self.tabs.addTab(scrolled(self.consume), "Consume")
        self.tabs.currentChanged.connect(lambda _: QTimer.singleShot(0, self.canvas.fit))
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.heading)
        details_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(details)
        splitter.setSizes([400, 800])
        self.pipelines = QWidget()
        pipelines_layout = QVBoxLayout(self.pipelines)
        pipelines_layout.setContentsMargins(0, 0, 0, 0)
        pipelines_layout.addWidget(toolbar)
        pipelines_layout.addWidget(splitter, 1)
        self.online = OnlineEndpointsView(engine)
        self.online.job_opened.connect(self.job_opened)
        self.kinds = QTabWidget(documentMode=True)
        self.kinds.addTab(self.online, "Real-time endpoints")
        self.kinds.addTab(self.pipelines, "Pipeline endpoints")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kinds, 1)
        self.runs_timer = QTimer(self, singleShot=True, interval=RUNS_DELAY_MS, timeout=self._fill_runs)
        bridge.job_event.connect(lambda _event: self.runs_timer.start())  # a burst of REST runs: one re-read
        self.refresh()

    # The list.
    def refresh(self, select: tuple[str, int | None] | None = None) -> None:
        """Rebuild from the store, selecting `select` (endpoint, version) or keeping the selection."""
        keep = select or (self._key(self.tree.currentItem()) if self.tree.currentItem() else None)
        self.tree.clear()
        self.items.clear()
        for endpoint in self.endpoints.list():
            top = self._item(self.tree.invisibleRootItem(), (endpoint.name, None),
                             [endpoint.name, f"{len(endpoint.versions)} version{'s' if len(endpoint.versions) != 1 else ''}", _minutes(endpoint.created),
                              endpoint.description])
            for version in reversed(endpoint.versions):
                state = "Default" if version.default else "Disabled" if version.disabled else ""
                item = self._item(top, (endpoint.name, version.version),
                                  [f"Version {version.version}", state, _minutes(version.created),
                                   version.description])
                if version.default:
                    font = QFont(item.font(0))
                    font.setBold(True)
                    item.setFont(0, font)
                    item.setFont(1, font)
                    item.setText(0, f"★ Version {version.version}")
                if version.disabled:
                    for column in range(self.tree.columnCount()):
                        item.setForeground(column, QBrush(QColor(DISABLED_COLOR)))
        self.tree.expandAll()
        current = self.items.get(keep) if keep else None
        self.tree.setCurrentItem(current or self.tree.topLevelItem(0))
        if self.tree.currentItem() is None:
            self._select(None)

    def _item(self, parent: QTreeWidgetItem, key: tuple[str, int | None], texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, texts)
        item.setData(0, KEY, key)
        self.items[key] = item
        return item

    @staticmethod
    def _key(item: QTreeWidgetItem) -> tuple[str, int | None]:
        return tuple(item.data(0, KEY))

    def _select(self, item: QTreeWidgetItem | None) -> None:
        """An endpoint shows its default version (and its snippets call the default); a version itself."""
        key = self._key(item) if item is not None else None
        version = self.selected = self.endpoints.version(*key) if key else None
        callable_ = version is not None and not version.disabled
        self.submit_action.setEnabled(callable_)
        self.default_action.setEnabled(callable_ and not version.default)
        self.disable_action.setEnabled(callable_ and not version.default)
        self.parameters.clear()
        self.runs.clear()
        self.tabs.setTabText(RUNS_TAB, "Runs")
        if version is None:
            self.heading.setText("No pipeline endpoints yet: publish a pipeline (Run ▸ Publish…).")
            self.canvas.load(Pipeline())
            self.consume.show_target(None)
            return
        marks = "".join((" (default)" if version.default else "", " · disabled" if version.disabled else ""))
        self.heading.setText(f"<b>{version.endpoint}</b> · version {version.version}{marks} · "
                             f"{version.pipeline.name} · {version.pipeline.kind} pipeline")
        for parameter in version.pipeline.parameters:
            self.parameters.addTopLevelItem(QTreeWidgetItem([parameter.name, parameter.kind,
                                                             describe_default(parameter)]))
        self.canvas.load(version.pipeline)
        QTimer.singleShot(0, self.canvas.fit)
        self.consume.show_target(Target("", version.endpoint, None if key[1] is None else version.version,
                                        version.pipeline, scored_output(version.pipeline, self.engine.registry)))
        self._fill_runs()

    def _fill_runs(self) -> None:
        """The selected version's runs, read off the GUI thread (each job's snapshot is compared)."""
        version = self.selected
        if version is None:
            self.runs.clear()
            return
        call = BackgroundCall(lambda: runs_of(self.engine.workspace, version), self)
        call.succeeded.connect(lambda jobs: self._show_runs(version, jobs))
        call.start()

    def _show_runs(self, version: PublishedVersion, jobs: list[JobRecord]) -> None:
        if self.selected is None or (self.selected.endpoint, self.selected.version) != (version.endpoint,
                                                                                         version.version):
            return  # another version was selected meanwhile
        self.runs.clear()
        for job in jobs:
            item = QTreeWidgetItem([job.display_name or job.id, run_status.LABELS.get(job.status, job.status),
                                    run_status.format_time(job.created),
                                    run_status.format_duration(job.duration) if job.duration is not None else ""])
            item.setIcon(1, run_status.icon(job.status))
            item.setData(0, RUN_ID, job.id)
            self.runs.addTopLevelItem(item)
        self.tabs.setTabText(RUNS_TAB, f"Runs ({len(jobs)})")

    # Commands.
    def publish(self, pipeline: Pipeline, source: str, parent: QWidget | None = None) -> PublishDialog:
        """Open the publish dialog on `pipeline` (over `parent`, else the app's window); once published, the new
        version is listed and selected."""
        dialog = PublishDialog(self.engine, pipeline, parent or self.window(), source=source)
        dialog.accepted.connect(lambda: self._published(dialog.published))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _published(self, version: PublishedVersion) -> None:
        self.refresh((version.endpoint, version.version))
        self.kinds.setCurrentWidget(self.pipelines)
        self.published.emit(version.endpoint, version.version)

    def deploy(self, job_id: str, parent: QWidget | None = None) -> DeployDialog:
        """Open the deploy dialog on a real-time inference job (over `parent`, else the app's window); once
        deployed, the endpoint is listed and selected, its new key remembered for Test and Consume."""
        dialog = DeployDialog(self.engine, job_id, self.online.base_url(), parent or self.window())
        dialog.deployed.connect(self._deployed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _deployed(self, name: str, key: str) -> None:
        self.online.deployed(name, key)
        self.kinds.setCurrentWidget(self.online)
        self.deployed.emit(name)

    def submit(self) -> SubmitDialog | None:
        version = self.selected
        if version is None or version.disabled:
            return None
        dialog = SubmitDialog(self.engine, version.pipeline, self, experiment=version.endpoint,
                              display_name=f"{version.endpoint} v{version.version}")  # as a REST submit names it
        dialog.accepted.connect(lambda: self.job_opened.emit(dialog.handle.id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def set_default(self) -> None:
        if self.selected is not None:
            self._change(self.endpoints.set_default, self.selected)

    def disable(self) -> None:
        if self.selected is not None:
            self._change(self.endpoints.disable, self.selected)

    def _change(self, change, version: PublishedVersion) -> None:
        call = BackgroundCall(lambda: change(version.endpoint, version.version), self)
        call.succeeded.connect(lambda _: self.refresh((version.endpoint, version.version)))
        call.failed.connect(lambda error: QMessageBox.warning(self, "Pipeline endpoints", str(error)))
        call.start()

    def set_server_url(self, url: str) -> None:
        self.consume.set_server_url(url)
        self.online.set_server_url(url)
