"""Node context menu entries on a node's result, one per viewer its output ports declare ("Preview data",
"Visualize evaluation"), each a submenu of those ports. Disabled, with the reason as tooltip, until the node has
run with its current parameters and inputs."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from designer_app.canvas.adapter import CanvasAdapter
from designer_app.preview.viewers import VIEWERS, show_output
from engine.engine import Engine

NOT_RUN = "This component has not run with its current settings: submit the pipeline first."


class NodeOutputActions(QObject):
    """Call `update(node_id)` before the menu shows; the entries then act on the step whose outputs match the
    node as it is now on the canvas (engine.result_of), whichever job produced them."""

    def __init__(self, engine: Engine, adapter: CanvasAdapter, window: QWidget) -> None:
        super().__init__(window)
        self.engine, self.adapter, self.window = engine, adapter, window
        self.job_id: str | None = None
        self.node_id: str | None = None
        self.entries: dict[str, QAction] = {}
        for name, viewer in VIEWERS.items():
            self.entries[name] = QAction(viewer.label, window)
            self.entries[name].setMenu(QMenu(window))

    @property
    def actions(self) -> list[QAction]:
        return list(self.entries.values())

    def update(self, node_id: str) -> None:
        node = self.adapter.node(node_id)
        result = self.engine.result_of(self.adapter.to_pipeline(), node_id)
        self.job_id, self.node_id = result or (None, node_id)
        step = self.engine.workspace.jobs.get(self.job_id).step(self.node_id) if result else None
        for name, entry in self.entries.items():
            ports = [p for p in node.COMPONENT.outputs if p.viewer == name]
            menu = entry.menu()
            menu.clear()
            for port in ports:
                action = menu.addAction(port.name, lambda p=port: show_output(self.engine, self.job_id, self.node_id,
                                                                               p, self.window))
                action.setEnabled(bool(step and port.name in step.outputs))
            entry.setVisible(bool(ports))
            entry.setEnabled(step is not None)
            entry.setToolTip("" if step else NOT_RUN)
