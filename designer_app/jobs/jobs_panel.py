"""Job history: experiments and their pipeline jobs (status, submitted, duration), live from engine events."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QMenu, QToolBar, QTreeView, QVBoxLayout, QWidget

from designer_app import run_status
from designer_app.engine_bridge import EngineBridge
from engine.engine import Engine
from engine.events import JobEvent
from engine.job_store import ACTIVE, JobRecord

COLUMNS = ("Job", "Status", "Submitted", "Duration")
JOB_ID = Qt.ItemDataRole.UserRole + 1
HISTORY_LIMIT = 500


class JobsPanel(QWidget):
    """Double-click a job to open it; Clone and Cancel act on the selected job, Deploy (`deploy_requested`) on a
    completed real-time inference job."""

    job_opened = Signal(str)
    clone_requested = Signal(str)
    deploy_requested = Signal(str)

    def __init__(self, engine: Engine, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(COLUMNS)
        self.rows: dict[str, list[QStandardItem]] = {}
        self.experiments: dict[str, QStandardItem] = {}
        self.started: dict[str, str | None] = {}
        self.deployable: set[str] = set()

        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.header().setStretchLastSection(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(self._open)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        self.open_action = QAction("Open", self, triggered=lambda: self._emit(self.job_opened))
        self.clone_action = QAction("Clone", self, triggered=lambda: self._emit(self.clone_requested))
        self.cancel_action = QAction("Cancel", self, triggered=self.cancel_selected)
        self.deploy_action = QAction("Deploy…", self, triggered=lambda: self._emit(self.deploy_requested),
                                     toolTip="Deploy the real-time inference job as an online endpoint")
        refresh = QAction("Refresh", self, triggered=self.refresh)
        toolbar = QToolBar()
        for action in (self.open_action, self.clone_action, self.cancel_action, refresh):
            toolbar.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.view)

        self.ticker = QTimer(self, interval=1000, timeout=self._tick)
        bridge.job_event.connect(self._on_job)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild from the store, keeping the selection."""
        selected = self.selected_job()
        self.model.removeRows(0, self.model.rowCount())
        self.rows.clear()
        self.started.clear()
        self.deployable.clear()
        self.experiments.clear()
        for job in self.engine.workspace.jobs.list(limit=HISTORY_LIMIT):
            self._add(job, newest=False)
        self.view.expandAll()
        self._fit_columns()
        if selected in self.rows:
            self.select_job(selected)
        self._tick()
        self._update_actions()

    def _add(self, job: JobRecord, newest: bool) -> None:
        """A row for the job under its experiment: on top when `newest`, else at the end (history order)."""
        experiment = self.experiments.get(job.experiment)
        if experiment is None:
            experiment = self.experiments[job.experiment] = QStandardItem()
            font = QFont(experiment.font())
            font.setBold(True)
            experiment.setFont(font)
            cells = [experiment, *(QStandardItem() for _ in COLUMNS[1:])]
            self.model.insertRow(0, cells) if newest else self.model.appendRow(cells)
        row = [QStandardItem() for _ in COLUMNS]
        for item in row:
            item.setData(job.id, JOB_ID)
        experiment.insertRow(0, row) if newest else experiment.appendRow(row)
        experiment.setText(f"{job.experiment}  ({experiment.rowCount()})")
        self.view.expand(experiment.index())
        self.rows[job.id] = row
        self._fill(job)

    def _fill(self, job: JobRecord) -> None:
        name, status, submitted, duration = self.rows[job.id]
        name.setText(job.display_name)
        name.setToolTip(f"{job.display_name}\nJob {job.id}" + (f"\n{job.description}" if job.description else ""))
        status.setText(run_status.LABELS.get(job.status, job.status))
        status.setIcon(run_status.icon(job.status))
        status.setToolTip(job.error or "")
        submitted.setText(run_status.format_time(job.created))
        duration.setText(run_status.format_duration(job.duration))
        if job.status == "Completed" and job.pipeline.kind == "realtime":
            self.deployable.add(job.id)
        if job.status in ACTIVE:
            self.started[job.id] = job.started
        else:
            self.started.pop(job.id, None)

    def _on_job(self, event: JobEvent) -> None:
        """A job started or ended: read its record once; a job new to the list gets a row on top."""
        job = self.engine.workspace.jobs.get(event.job_id)
        if event.job_id in self.rows:
            self._fill(job)
        else:
            self._add(job, newest=True)
        self._fit_columns()
        self._tick()
        self._update_actions()

    def _fit_columns(self) -> None:
        for column in range(1, len(COLUMNS)):
            self.view.resizeColumnToContents(column)

    def _tick(self) -> None:
        """Running jobs' durations count up once a second."""
        for job_id, started in self.started.items():
            self.rows[job_id][3].setText(run_status.format_duration(run_status.elapsed_since(started)))
        if self.started and not self.ticker.isActive():
            self.ticker.start()
        elif not self.started:
            self.ticker.stop()

    def selected_job(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(JOB_ID) if index.isValid() else None

    def select_job(self, job_id: str) -> None:
        self.view.setCurrentIndex(self.rows[job_id][0].index())

    def cancel_selected(self) -> None:
        job_id = self.selected_job()
        if job_id:
            self.engine.cancel(job_id)

    def _emit(self, signal: Signal) -> None:
        job_id = self.selected_job()
        if job_id:
            signal.emit(job_id)

    def _open(self, index: QModelIndex) -> None:
        job_id = index.data(JOB_ID)
        if job_id:
            self.job_opened.emit(job_id)

    def _update_actions(self) -> None:
        job_id = self.selected_job()
        for action in (self.open_action, self.clone_action):
            action.setEnabled(job_id is not None)
        self.cancel_action.setEnabled(job_id in self.started)
        self.deploy_action.setEnabled(job_id in self.deployable)

    def _menu(self, point: QPoint) -> None:
        if self.view.indexAt(point).data(JOB_ID):
            menu = QMenu(self)
            menu.addActions([self.open_action, self.clone_action, self.cancel_action, self.deploy_action])
            menu.exec(self.view.viewport().mapToGlobal(point))
