"""Real-time endpoints: each online endpoint with its state, version, requests and latency (live from the app's
running server while the view is visible), and for the selected one its Details, a Test tab and a Consume tab;
Delete removes it.

Keys are kept only as hashes: the view remembers, for this session, the keys made here (at deploy or regenerate),
so that Test and Consume can use them."""
from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
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

from designer_app.background import BackgroundCall
from designer_app.confirm import confirm
from designer_app.copy_field import CopyField
from designer_app.endpoint_monitor import EndpointMonitor
from designer_app.endpoint_requests import ExampleInput, example_inputs, example_row, score_body
from designer_app.endpoint_test_tab import EndpointTestTab
from designer_app.online_consume_tab import OnlineConsumeTab
from designer_app.online_snippets import OnlineTarget
from designer_app.scrolled_page import scrolled
from designer_app.server_control import DEFAULT_HOST, DEFAULT_PORT
from engine.engine import Engine
from engine.online import OnlineEndpoint, OnlineEndpoints

NAME = Qt.ItemDataRole.UserRole + 1
POLL_MS = 2000
COLUMNS = ("Endpoint", "State", "Version", "Requests", "Latency p50")
SERVER_STOPPED = "Server stopped"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def requests_text(live: dict[str, Any] | None) -> str:
    if not live:
        return "—"
    counts = live["requests"]
    errors = counts["client_errors"] + counts["server_errors"]
    return f"{counts['total']}" + (f" ({errors} failed)" if errors else "")


def counts_text(live: dict[str, Any] | None) -> str:
    if not live:
        return "—"
    counts = live["requests"]
    return (f"{counts['total']}: {counts['succeeded']} succeeded, {counts['client_errors']} refused (4xx), "
            f"{counts['server_errors']} failed (5xx)")


def latency_text(live: dict[str, Any] | None) -> str:
    if not live:
        return "—"
    latency = live["latency_ms"]
    return " · ".join(f"{p} {_ms(latency[p])}" for p in ("p50", "p95", "p99"))


class OnlineEndpointsView(QWidget):
    """Emits `job_opened(job_id)` when the serving deployment's job is asked for (double-click)."""

    job_opened = Signal(str)

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.endpoints = OnlineEndpoints(engine.workspace, engine.registry)
        self.stored: dict[str, OnlineEndpoint] = {}
        self.live: dict[str, dict[str, Any]] = {}
        self.keys: dict[str, dict[str, str]] = {}  # made in this session: endpoint -> which -> key
        self.examples: dict[tuple[str, int], list[ExampleInput]] = {}
        self.items: dict[str, QTreeWidgetItem] = {}
        self.selected: OnlineEndpoint | None = None
        self.server_url = ""
        self.confirm: QMessageBox | None = None

        self.tree = QTreeWidget(rootIsDecorated=False, alternatingRowColors=True)
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda item, _: self._select(item.data(0, NAME) if item else None))
        self.tree.itemDoubleClicked.connect(lambda *_: self.selected and self.job_opened.emit(
            self.selected.deployment.job_id))
        self.delete_action = QAction("Delete", self, triggered=self.ask_delete,
                                     toolTip="Delete the selected endpoint, its deployments and keys")
        refresh = QAction("Refresh", self, triggered=lambda: self.refresh())
        toolbar = QToolBar()
        toolbar.addActions([self.delete_action, refresh])

        self.heading = QLabel(wordWrap=True)
        self.state = QLabel()
        self.version = QLabel(wordWrap=True)
        self.scoring_path = QLabel()
        self.scoring_uri = CopyField()
        self.swagger_uri = CopyField()
        self.requests = QLabel()
        self.latency = QLabel()
        self.inputs = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QWidget()
        form = QFormLayout(details)
        for label, widget in (("Deployment state", self.state), ("Version", self.version),
                              ("Scoring path", self.scoring_path), ("REST endpoint", self.scoring_uri),
                              ("Swagger URI", self.swagger_uri), ("Requests", self.requests),
                              ("Latency", self.latency), ("Inputs", self.inputs)):
            form.addRow(label, widget)
        self.test = EndpointTestTab()
        self.consume = OnlineConsumeTab(self.endpoints)
        self.consume.key_changed.connect(self.remember_key)
        self.tabs = QTabWidget(documentMode=True)
        for page, title in ((details, "Details"), (self.test, "Test"), (self.consume, "Consume")):
            self.tabs.addTab(scrolled(page), title)  # the bottom pane stays as low as the user makes it
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setSizes([420, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)

        self.monitor = EndpointMonitor(engine.workspace, self)
        self.monitor.updated.connect(self._show_live)
        self.monitor.failed.connect(lambda message: self.heading.setToolTip(f"Live state unavailable: {message}"))
        self.poller = QTimer(self, interval=POLL_MS, timeout=self.monitor.poll)
        self.refresh()

    # Server and polling.
    def base_url(self) -> str:
        """The running server's URL, else the address `designer serve` listens on by default."""
        return self.server_url or f"http://{DEFAULT_HOST}:{DEFAULT_PORT}"

    def set_server_url(self, url: str) -> None:
        self.server_url = url
        self.monitor.set_server_url(url)
        self.live = {}
        self._fill_rows()
        self._show_selected()
        self._follow_visibility()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._follow_visibility()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        self._follow_visibility()

    def _follow_visibility(self) -> None:
        """Poll the running server while the view is visible (once at once, then every POLL_MS)."""
        if self.isVisible() and self.server_url:
            if not self.poller.isActive():
                self.monitor.poll()
                self.poller.start()
        else:
            self.poller.stop()

    def _show_live(self, views: dict[str, dict[str, Any]]) -> None:
        known = set(self.stored)
        self.live = views
        if set(views) != known:  # deployed or deleted elsewhere (CLI, REST)
            self.refresh()
            return
        self._fill_rows()
        self._show_details()

    # The list.
    def refresh(self, select: str | None = None) -> None:
        """Re-read the endpoints from the workspace, selecting `select` or keeping the selection."""
        keep = select or (self.selected.name if self.selected else None)
        self.stored = {e.name: e for e in self.endpoints.list()}
        self.tree.clear()
        self.items = {name: QTreeWidgetItem(self.tree, [name]) for name in self.stored}
        for name, item in self.items.items():
            item.setData(0, NAME, name)
        self._fill_rows()
        current = self.items.get(keep) if keep else None
        self.tree.setCurrentItem(current or self.tree.topLevelItem(0))
        if self.tree.currentItem() is None:
            self._select(None)

    def _fill_rows(self) -> None:
        for name, item in self.items.items():
            live = self.live.get(name)
            item.setText(1, live["state"] if live else SERVER_STOPPED if not self.server_url else "…")
            item.setText(2, str(self.stored[name].deployment.version))
            item.setText(3, requests_text(live))
            item.setText(4, _ms(live["latency_ms"]["p50"]) if live else "—")
            item.setToolTip(1, (live or {}).get("error") or "")

    def _select(self, name: str | None) -> None:
        self.selected = self.stored.get(name) if name else None
        self.delete_action.setEnabled(self.selected is not None)
        self._show_selected()

    def _show_selected(self) -> None:
        """Heading, details, and the Test and Consume tabs (their example rows read off the GUI thread)."""
        endpoint = self.selected
        if endpoint is None:
            self.heading.setText("No real-time endpoints yet: deploy a completed real-time inference job "
                                 "(its job window ▸ Deploy…, or Run ▸ Deploy…).")
            self.test.show_target("", "", "")
            self.consume.show_target(None, {})
            self._show_details()
            self.tabs.hide()
            return
        self.tabs.show()
        deployment = endpoint.deployment
        self.heading.setText(f"<b>{endpoint.name}</b> · version {deployment.version} · "
                             f"{deployment.pipeline.name} · from job {deployment.job_id}")
        self._show_details()
        key = (endpoint.name, deployment.version)
        if key in self.examples:
            self._show_examples(endpoint, self.examples[key])
            return
        self.consume.show_target(OnlineTarget(self.base_url(), endpoint.name, None), self.keys.get(endpoint.name, {}))
        call = BackgroundCall(lambda: example_inputs(self.engine, deployment), self)
        call.succeeded.connect(lambda inputs: self._examples_read(endpoint, inputs))
        call.failed.connect(lambda _error: self._examples_read(endpoint, self._schema_examples(endpoint)))
        call.start()

    def _schema_examples(self, endpoint: OnlineEndpoint) -> list[ExampleInput]:
        """When the job's rows cannot be read: one row of type defaults per input the server reports."""
        live = self.live.get(endpoint.name) or {}
        return [ExampleInput(p["name"], [example_row(p["schema"])]) for p in live.get("inputs") or []]

    def _examples_read(self, endpoint: OnlineEndpoint, inputs: list[ExampleInput]) -> None:
        self.examples[(endpoint.name, endpoint.deployment.version)] = inputs
        if self.selected == endpoint:
            self._show_examples(endpoint, inputs)

    def _show_examples(self, endpoint: OnlineEndpoint, inputs: list[ExampleInput]) -> None:
        target = OnlineTarget(self.base_url(), endpoint.name, tuple(inputs))
        keys = self.keys.get(endpoint.name, {})
        self.test.show_target(target.scoring_uri if self.server_url else "",
                              keys.get("primary") or keys.get("secondary", ""),
                              json.dumps(score_body(inputs), indent=2, ensure_ascii=False))
        self.consume.show_target(target, keys)

    def _show_details(self) -> None:
        endpoint = self.selected
        live = self.live.get(endpoint.name) if endpoint else None
        if endpoint is None:
            texts = ("", "", "", "", "")
        else:
            state = live["state"] if live else ("Server stopped: start it to serve this endpoint"
                                                if not self.server_url else "…")
            if live and live.get("error"):
                state += f": {live['error']}"
            deployment = endpoint.deployment
            texts = (state, f"{deployment.version} (deployed {deployment.created[:16].replace('T', ' ')} from job "
                     f"{deployment.job_id})", (live or {}).get("scoring_path") or "—", counts_text(live),
                     latency_text(live))
        for label, text in zip((self.state, self.version, self.scoring_path, self.requests, self.latency), texts):
            label.setText(text)
        base = f"{self.base_url()}/endpoints/{endpoint.name}" if endpoint else ""
        self.scoring_uri.set_text(live["scoring_uri"] if live else f"{base}/score" if base else "")
        self.swagger_uri.set_text(live["swagger_uri"] if live else f"{base}/swagger.json" if base else "")
        inputs = (live or {}).get("inputs") or []
        self.inputs.setText("\n".join(f"{p['name']}: " + ", ".join(f"{c['name']} ({c['type']})" for c in p["schema"])
                                      for p in inputs if p.get("schema")) or "—")

    # Keys and commands.
    def remember_key(self, name: str, which: str, key: str) -> None:
        """A key just made (deploy or regenerate): shown in Consume and used by Test for this session."""
        self.keys.setdefault(name, {})[which] = key
        if self.selected is not None and self.selected.name == name:
            self.consume.key_fields[which].set_text(key)
            self.test.set_key(key)

    def deployed(self, name: str, key: str) -> None:
        if key:
            self.keys[name] = {"primary": key}
        self.refresh(name)

    def ask_delete(self) -> QMessageBox | None:
        if self.selected is None:
            return None
        name = self.selected.name
        self.confirm = confirm(self, "Delete endpoint", f'Delete the real-time endpoint "{name}", its deployments and '
                               "keys? Calls to it are refused from now on.", lambda: self.delete(name))
        return self.confirm

    def delete(self, name: str) -> BackgroundCall:
        call = BackgroundCall(lambda: self.endpoints.delete(name), self)
        call.succeeded.connect(lambda _: self._deleted(name))
        call.failed.connect(lambda error: QMessageBox.warning(self, "Delete endpoint", str(error)))
        call.start()
        return call

    def _deleted(self, name: str) -> None:
        self.keys.pop(name, None)
        self.live.pop(name, None)
        if self.selected is not None and self.selected.name == name:
            self.selected = None
        self.refresh()
