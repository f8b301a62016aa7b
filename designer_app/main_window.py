"""The main window: composes the palette, canvas, properties pane, and the validation, jobs, step logs and
endpoints tabs; menus and shortcuts; the built-in server's URL in the status bar. Running lives in RunController,
job windows in JobWindows, node output entries in NodeOutputActions, Create inference pipeline in
InferenceActions, the server in ServerControl; node context menu entries are added with `add_node_menu_action`.
"""
from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from designer_app.background import BackgroundCall
from designer_app.canvas.adapter import CanvasAdapter
from designer_app.datasets_dialog import DatasetsDialog
from designer_app.drafts_controller import DraftsController
from designer_app.endpoints_panel import EndpointsPanel
from designer_app.engine_bridge import EngineBridge
from designer_app.help_window import ComponentReference, about_text, shortcuts_text, show_markdown
from designer_app.inference_actions import InferenceActions
from designer_app.job_progress import JobProgress
from designer_app.jobs.job_windows import JobWindows
from designer_app.jobs.jobs_panel import JobsPanel
from designer_app.live_validation import LiveValidation
from designer_app.logs_panel import StepLogsPanel
from designer_app.node_output_actions import NodeOutputActions
from designer_app.palette import PaletteWidget
from designer_app.preview.viewers import warm_up
from designer_app.properties.pane import PropertiesPane
from designer_app.run_controller import RunController
from designer_app.server_control import ServerControl
from designer_app.settings import app_settings
from designer_app.theme import DEFAULT_THEME, THEMES, apply_theme
from designer_app.validation_panel import ValidationPanel
from designer_app.window_manners import behave
from engine.engine import Engine
from engine.pipeline import PipelineFormatError
from engine.samples import sample_pipelines
from engine.workspace import Workspace

Key = QtGui.QKeySequence
PIPELINE_FILTER = "Pipeline JSON (*.json)"
NO_LOGS_HINT = "Select a component that has run to see its logs."


class MainWindow(QtWidgets.QMainWindow):
    node_menu_about_to_show = QtCore.Signal(str)
    """The node context menu is about to show for this node: update its entries."""

    def __init__(self, workspace: Workspace, engine: Engine, parent=None) -> None:
        super().__init__(parent)
        self.workspace, self.engine = workspace, engine
        self.setObjectName("MainWindow")
        self.setWindowTitle("Designer")
        self.theme = app_settings().value("ui/theme", DEFAULT_THEME)
        self.adapter = CanvasAdapter(engine.registry, theme=self.theme, parent=self)
        self.setCentralWidget(self.adapter.widget)
        self.palette = PaletteWidget(engine.registry)
        self.palette.set_datasets(workspace.datasets.list())
        self.properties = PropertiesPane(self.adapter, engine)
        self.validation = ValidationPanel(self.adapter)
        self.bottom_tabs = QtWidgets.QTabWidget(documentMode=True)
        self.bottom_tabs.addTab(self.validation, "Validation")
        self.docks = {
            "palette": self._dock("Components", self.palette, QtCore.Qt.DockWidgetArea.LeftDockWidgetArea),
            "properties": self._dock("Properties", self.properties, QtCore.Qt.DockWidgetArea.RightDockWidgetArea),
            "bottom": self._dock("Validation and jobs", self.bottom_tabs,
                                 QtCore.Qt.DockWidgetArea.BottomDockWidgetArea),
        }
        self.live = LiveValidation(self.adapter, engine, self)
        self.drafts = DraftsController(workspace, self.adapter, self)
        self.bridge = EngineBridge(engine, self)
        self.run = RunController(engine, self.bridge, self.adapter, self.drafts, self)
        self.jobs = JobsPanel(engine, self.bridge)
        self.step_logs = StepLogsPanel(engine, self.bridge)
        self.step_logs.layout().setContentsMargins(6, 6, 6, 6)
        self.bottom_tabs.addTab(self.jobs, "Jobs")
        self.bottom_tabs.addTab(self.step_logs, "Step logs")
        self.job_windows = JobWindows(engine, self.bridge, self)
        self.endpoints = EndpointsPanel(engine, self.bridge)
        self.bottom_tabs.addTab(self.endpoints, "Endpoints")
        self.inference = InferenceActions(engine, self.bridge, self.drafts, self)
        self.server = ServerControl(workspace, engine, self)
        self._node_menu_actions: list[QtGui.QAction] = []
        self.reference: ComponentReference | None = None
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self._build_actions()
        self.progress = JobProgress(engine, self.bridge)
        self.statusBar().addWidget(self.progress)
        self.saved_label = QtWidgets.QLabel(objectName="hint")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.server.label)
        self.palette.add_requested.connect(lambda cid, params: self.adapter.add_component(cid, params))
        self.live.analyzed.connect(self.validation.show_analysis)
        self.adapter.menu_requested.connect(self._show_context_menu)
        self.drafts.opened.connect(self._draft_opened)
        self.drafts.saved.connect(lambda _id: self.saved_label.setText(
            f"All changes saved · {QtCore.QTime.currentTime().toString('HH:mm:ss')}"))
        self.adapter.changed.connect(self._update_title)
        self._wire_runs()
        self.resize(1440, 900)
        self.resizeDocks([self.docks["palette"], self.docks["properties"]], [250, 380], QtCore.Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["bottom"]], [190], QtCore.Qt.Orientation.Vertical)
        self._restore_state()
        QtCore.QTimer.singleShot(1000, self, lambda: warm_up(self))  # once the window is up

    # --- composition ---

    def _dock(self, title: str, widget: QtWidgets.QWidget, area) -> QtWidgets.QDockWidget:
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(f"dock_{title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        keys = shortcut if isinstance(shortcut, list) else [] if shortcut is None else [Key(shortcut)]
        action.setShortcuts(keys)
        action.setStatusTip(tip)
        label = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{label} ({keys[0].toString()})" if keys else label)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a, s = self.adapter, Key.StandardKey
        self.actions = {
            "new": self._action("&New draft", lambda: self.drafts.new(), s.New),
            "open": self._action("&Open draft…", self.open_draft, s.Open),
            "rename": self._action("&Rename draft…", self.rename_draft, "F2"),
            "duplicate_draft": self._action("D&uplicate draft", lambda: self.drafts.duplicate()),
            "delete_draft": self._action("De&lete draft…", self.delete_draft),
            "import": self._action("&Import pipeline JSON…", self.import_pipeline, "Ctrl+I"),
            "export": self._action("&Export pipeline JSON…", self.export_pipeline, "Ctrl+E"),
            "quit": self._action("&Quit", self.close, s.Quit),
            "undo": self._action("&Undo", a.undo_stack.undo, s.Undo),
            "redo": self._action("&Redo", a.undo_stack.redo, [Key(s.Redo), Key("Ctrl+Y")]),
            "copy": self._action("&Copy", a.copy, s.Copy),
            "paste": self._action("&Paste", a.paste, s.Paste),
            "duplicate": self._action("Duplica&te", a.duplicate, "Ctrl+D"),
            "delete": self._action("&Delete", a.delete_selected, [Key(s.Delete), Key("Backspace")]),
            "select_all": self._action("Select &all", a.select_all, s.SelectAll),
            "comment": self._action("Edit &comment", self.edit_comment, "Ctrl+Shift+M"),
            "backdrop": self._action("Add &backdrop", a.add_backdrop, "Ctrl+G"),
            "zoom_in": self._action("Zoom &in", lambda: a.zoom(0.1), s.ZoomIn),
            "zoom_out": self._action("Zoom &out", lambda: a.zoom(-0.1), s.ZoomOut),
            "fit": self._action("&Fit to window", a.fit, "Ctrl+0"),
            "layout": self._action("&Auto layout", a.auto_layout, "Ctrl+L"),
            "validate": self._action("&Validate now", self.live.run, "F7"),
            "submit": self._action("&Submit…", self.run.submit, [Key("Ctrl+Return"), Key("Ctrl+Enter"), Key("F5")],
                                   "Set up and submit a pipeline job of this draft"),
            "cancel_run": self._action("&Cancel job", self.run.cancel, tip="Cancel the job submitted from this draft"),
            "datasets": self._action("&Data sets…", self.open_datasets, tip="Register and browse data sets"),
            "publish": self._action("&Publish…", lambda: self.endpoints.publish(
                self.adapter.to_pipeline(), f"draft {self.drafts.current}"),
                tip="Publish this draft to a pipeline endpoint"),
            "help": self._action("&Help on component", self.show_help, "F1",
                                 "The reference page of the selected component"),
            "shortcuts": self._action("&Keyboard shortcuts", lambda: show_markdown(
                self, "Keyboard shortcuts", shortcuts_text(self.actions))),
            "about": self._action("&About Designer", lambda: show_markdown(self, "About Designer", about_text())),
        }
        self.actions["cancel_run"].setEnabled(False)
        stack = a.undo_stack
        stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        stack.undoTextChanged.connect(self.actions["undo"].setStatusTip)
        stack.redoTextChanged.connect(self.actions["redo"].setStatusTip)
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.actions["new"])
        samples = file_menu.addMenu("New from &sample")
        for name, pipeline in sample_pipelines().items():
            samples.addAction(name, lambda p=pipeline: self.drafts.new(p))
        self._add(file_menu, "open", "rename", "duplicate_draft", "delete_draft", None, "import", "export", None,
                  "datasets", None, "quit")
        self._add(bar.addMenu("&Edit"), "undo", "redo", None, "copy", "paste", "duplicate", "delete", "select_all",
                  None, "comment", "backdrop")
        view = bar.addMenu("&View")
        self._add(view, "zoom_in", "zoom_out", "fit", "layout", None, "validate", None)
        themes = view.addMenu("&Theme")
        group = QtGui.QActionGroup(self)
        for theme in THEMES:
            action = themes.addAction(theme.title(), lambda t=theme: self.set_theme(t))
            action.setCheckable(True)
            action.setChecked(theme == self.theme)
            group.addAction(action)
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        run_menu = bar.addMenu("&Run")
        self._add(run_menu, "submit", "cancel_run", None, "publish")
        run_menu.addMenu(self.inference.menu)
        run_menu.addAction(self.inference.deploy_action)
        server_menu = bar.addMenu("Ser&ver")
        server_menu.addActions([self.server.start_action, self.server.stop_action])
        self._add(bar.addMenu("&Help"), "help", "shortcuts", None, "about")
        self._add(self.toolbar, "new", "open", None, "undo", "redo", None, "delete", "layout", "fit", None, "submit",
                  "cancel_run", None, "publish")
        self.toolbar.addAction(self.inference.menu.menuAction())
        self.toolbar.widgetForAction(self.inference.menu.menuAction()).setPopupMode(
            QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addAction(self.inference.deploy_action)

    def _wire_runs(self) -> None:
        """Submit and cancel, jobs and their windows, step logs of the selected node, node output entries."""
        self.run.running_changed.connect(self.actions["cancel_run"].setEnabled)
        self.run.submitted.connect(lambda _id: self._show_step_logs(self.adapter.selected_uuids()))
        self.adapter.selection_changed.connect(self._show_step_logs)
        self.run.failed.connect(self._reveal_failure)
        self.run.submitted.connect(self.progress.follow)
        self.run.submitted.connect(lambda _id: self._reveal(self.jobs))
        self.progress.failed_node_clicked.connect(self._reveal_failure)
        self.progress.announced.connect(self._announce)
        self.jobs.job_opened.connect(self.job_windows.open)
        self.jobs.clone_requested.connect(
            lambda job_id: self._open_clone(self.workspace.drafts.create(self.workspace.jobs.get(job_id).pipeline)))
        self.job_windows.cloned.connect(self._open_clone)
        self.job_windows.inference_requested.connect(self.inference.create)
        self.job_windows.publish_requested.connect(lambda job_id: self.endpoints.publish(
            self.workspace.jobs.get(job_id).pipeline, f"job {job_id}", self.job_windows.views.get(job_id)))
        self.inference.created.connect(self._open_clone)
        self.endpoints.job_opened.connect(self.job_windows.open)
        self.endpoints.published.connect(lambda *_: self._reveal(self.endpoints))
        for source in (self.job_windows, self.jobs, self.inference):  # Deploy… of a real-time inference job
            source.deploy_requested.connect(lambda job_id: self.endpoints.deploy(job_id,
                                                                                 self.job_windows.views.get(job_id)))
        self.endpoints.deployed.connect(lambda _name: self._reveal(self.endpoints))
        self.server.url_changed.connect(self.endpoints.set_server_url)
        outputs = NodeOutputActions(self.engine, self.adapter, self)
        self.node_menu_about_to_show.connect(outputs.update)
        for action in outputs.actions:
            self.add_node_menu_action(action)
        self.step_logs.clear(NO_LOGS_HINT)

    def _add(self, target: QtWidgets.QWidget, *names: str | None) -> None:
        for name in names:
            if name is None:
                target.addSeparator()
            else:
                target.addAction(self.actions[name])

    def add_node_menu_action(self, action: QtGui.QAction) -> None:
        """Add an entry to the node context menu (it acts on `adapter.selected_uuids()`)."""
        self._node_menu_actions.append(action)

    def _show_context_menu(self, uuid: str | None, global_pos: QtCore.QPoint) -> None:
        menu = QtWidgets.QMenu(self)
        menu.setToolTipsVisible(True)
        names = ("copy", "duplicate", "delete", None, "comment", "backdrop") if uuid else (
            "paste", "select_all", None, "layout", "fit", "backdrop")
        for name in names:
            menu.addSeparator() if name is None else menu.addAction(self.actions[name])
        if uuid and self._node_menu_actions:
            self.node_menu_about_to_show.emit(uuid)
            menu.addSeparator()
            menu.addActions(self._node_menu_actions)
        menu.popup(global_pos)

    # --- commands ---

    def open_draft(self) -> None:
        drafts = self.workspace.drafts.list()
        labels = [f"{d.name}   ·   modified {d.modified[:16].replace('T', ' ')}" for d in drafts]
        label, ok = QtWidgets.QInputDialog.getItem(self, "Open draft", "Draft:", labels, 0, False)
        if ok and label in labels:
            try:
                self.drafts.open(drafts[labels.index(label)].id)
            except PipelineFormatError as error:
                QtWidgets.QMessageBox.warning(self, "Open draft", str(error))

    def rename_draft(self) -> None:
        name, ok = QtWidgets.QInputDialog.getText(self, "Rename draft", "Name:", text=self.drafts.name())
        if ok and name.strip():
            self.drafts.rename(name.strip())

    def delete_draft(self) -> None:
        answer = QtWidgets.QMessageBox.question(self, "Delete draft", f'Delete the draft "{self.drafts.name()}"?')
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.drafts.delete()

    def import_pipeline(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Import pipeline", "", PIPELINE_FILTER)
        if path:
            try:
                self.drafts.import_file(path)
            except PipelineFormatError as error:
                QtWidgets.QMessageBox.warning(self, "Import pipeline", str(error))

    def export_pipeline(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Export pipeline", f"{self.drafts.name()}.json",
                                                        PIPELINE_FILTER)
        if path:
            self.drafts.export_file(path)

    def open_datasets(self) -> DatasetsDialog:
        dialog = DatasetsDialog(self.workspace, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        behave(dialog, "datasets", (dialog.width(), dialog.height()))
        dialog.changed.connect(self._datasets_changed)
        dialog.open()
        return dialog

    def edit_comment(self) -> None:
        uuids = self.adapter.selected_uuids()
        if len(uuids) == 1:
            self.docks["properties"].show()
            self.properties.comment.setFocus()

    def show_help(self) -> ComponentReference:
        """The component reference, open at the selected component's page (F1)."""
        if self.reference is None:
            self.reference = ComponentReference(self.engine.registry, self)
        uuids = self.adapter.selected_uuids()
        node = self.adapter.node(uuids[0]) if uuids else None
        if node is not None:
            self.reference.show_component(node.COMPONENT.id)
        self.reference.show()
        self.reference.raise_()
        return self.reference

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        apply_theme(QtWidgets.QApplication.instance(), theme)
        self.adapter.set_theme(theme)
        app_settings().setValue("ui/theme", theme)

    # --- state ---

    def _draft_opened(self, _draft_id: str) -> None:
        self.live.run()
        self.adapter.fit()
        self._update_title()

    def _datasets_changed(self) -> None:
        self.palette.set_datasets(self.workspace.datasets.list())
        self.live.run()

    def _open_clone(self, draft_id: str) -> None:
        self.drafts.open(draft_id)
        self.raise_()
        self.activateWindow()

    def _reveal_failure(self, node_id: str) -> None:
        """Select the failed node and bring its step logs (error code and trace) to the front."""
        self.adapter.select(node_id)
        self._reveal(self.step_logs)

    def _announce(self, text: str) -> None:
        """A long job ended: say so in the status bar and ask the desktop for attention."""
        self.statusBar().showMessage(text, 15000)
        QtWidgets.QApplication.alert(self)

    def _reveal(self, tab: QtWidgets.QWidget) -> None:
        self.bottom_tabs.setCurrentWidget(tab)
        self.docks["bottom"].show()
        self.docks["bottom"].raise_()

    def _show_step_logs(self, uuids: list[str]) -> None:
        job_id = self.run.job_for(uuids[0]) if len(uuids) == 1 else None
        if job_id:
            self.step_logs.show_step(job_id, uuids[0])
        else:
            self.step_logs.clear(NO_LOGS_HINT)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.adapter.settings.name} — Designer")

    def _restore_state(self) -> None:
        settings = app_settings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Save the draft and the layout, close the job windows, and stop listening to the engine (whose owner
        closes it after the window)."""
        self.drafts.flush()
        self.job_windows.close_all()
        BackgroundCall.wait_for_all()
        self.server.shutdown()
        self.bridge.close()
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        super().closeEvent(event)
