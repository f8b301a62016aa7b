"""Node context menu entries on a node's result: "Preview data" (a submenu of its output data sets) and, for
Evaluate Model, "Visualize evaluation". Disabled, with the reason as tooltip, until the node has run with its
current parameters and inputs."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from designer_app.canvas.adapter import CanvasAdapter
from designer_app.preview.windows import show_evaluation, show_preview
from engine.engine import Engine
from nodes.ports import PortType

EVALUATE_MODEL = "evaluate_model"
NOT_RUN = "This component has not run with its current settings: submit the pipeline first."


class NodeOutputActions(QObject):
    """Call `update(node_id)` before the menu shows; the entries then act on the step whose outputs match the
    node as it is now on the canvas (engine.result_of), whichever job produced them."""

    def __init__(self, engine: Engine, adapter: CanvasAdapter, window: QWidget) -> None:
        super().__init__(window)
        self.engine, self.adapter, self.window = engine, adapter, window
        self.job_id: str | None = None
        self.node_id: str | None = None
        self.preview = QAction("Preview data", window)
        self.preview.setMenu(QMenu(window))
        self.evaluation = QAction("Visualize evaluation", window)
        self.evaluation.triggered.connect(
            lambda: show_evaluation(self.engine, self.job_id, self.node_id, self.window))

    @property
    def actions(self) -> list[QAction]:
        return [self.preview, self.evaluation]

    def update(self, node_id: str) -> None:
        node = self.adapter.node(node_id)
        result = self.engine.result_of(self.adapter.to_pipeline(), node_id)
        self.job_id, self.node_id = result or (None, node_id)
        step = self.engine.workspace.jobs.get(self.job_id).step(self.node_id) if result else None
        menu = self.preview.menu()
        menu.clear()
        ports = [p.name for p in node.COMPONENT.outputs if p.type is PortType.DATAFRAME]
        for port in ports:
            action = menu.addAction(port, lambda p=port: show_preview(self.engine, self.job_id, self.node_id, p,
                                                                        self.window))
            action.setEnabled(bool(step and port in step.outputs))
        self.preview.setEnabled(bool(step and ports))
        self.preview.setToolTip(NOT_RUN if ports and not step else
                                "" if ports else "This component has no output data set.")
        self.evaluation.setVisible(node.COMPONENT.id == EVALUATE_MODEL)
        self.evaluation.setEnabled(step is not None)
        self.evaluation.setToolTip("" if step else NOT_RUN)
