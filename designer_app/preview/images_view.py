"""The pictures an output port holds (a table of Name and Image bytes, such as Execute Python Script's Plots),
one below another under their names."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget

from engine.engine import Engine
from nodes.table import Table


class ImagesView(QDialog):
    """Reads the port's value through engine.output; `pictures` holds one label per picture shown."""

    def __init__(self, engine: Engine, job_id: str, node_id: str, port: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        step = engine.workspace.jobs.get(job_id).step(node_id)
        self.setWindowTitle(f"{step.name} › {port}")
        self.resize(900, 700)
        value = engine.output(job_id, node_id, port)
        layout = QVBoxLayout(self)
        self.pictures: list[QLabel] = []
        frame = value.frame if isinstance(value, Table) and {"Name", "Image"} <= set(value.frame.columns) else None
        if frame is None or frame.empty:
            layout.addWidget(QLabel("No pictures. A script shows one by saving it, e.g. plt.savefig('plot.png')."))
            return
        content = QWidget()
        column = QVBoxLayout(content)
        for name, data in zip(frame["Name"], frame["Image"], strict=True):
            pixmap = QPixmap()
            caption = QLabel(name if pixmap.loadFromData(bytes(data)) else f"{name} (not a picture Qt can show)")
            caption.setStyleSheet("font-weight: 600;")
            picture = QLabel(alignment=Qt.AlignmentFlag.AlignLeft)
            picture.setPixmap(pixmap)
            column.addWidget(caption)
            column.addWidget(picture)
            self.pictures.append(picture)
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll)
