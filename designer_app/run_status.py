"""How run statuses look everywhere in the app: one colour and one round badge per status."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

COLORS = {"NotStarted": "#8a8886", "Queued": "#8a8886", "Running": "#0078d4", "Completed": "#107c10",
          "Reused": "#498205", "Failed": "#d13438", "Canceled": "#797775"}
LABELS = {"NotStarted": "Not started", "Queued": "Queued", "Running": "Running", "Completed": "Completed",
          "Reused": "Reused", "Failed": "Failed", "Canceled": "Canceled"}
_icons: dict[str, QIcon] = {}


def color(status: str) -> QColor:
    return QColor(COLORS.get(status, "#8a8886"))


def icon(status: str) -> QIcon:
    """A filled dot (a ring while queued or not started) in the status colour."""
    if status not in _icons:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(color(status))
        painter.setBrush(Qt.BrushStyle.NoBrush if status in ("NotStarted", "Queued") else color(status))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _icons[status] = QIcon(pixmap)
    return _icons[status]


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.0f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} m" if hours else f"{minutes} m {secs:02d} s"


def elapsed_since(stamp: str | None) -> float | None:
    """Seconds from an ISO time stamp of the store until now."""
    if not stamp:
        return None
    start = datetime.fromisoformat(stamp)
    return (datetime.now(start.tzinfo) - start).total_seconds()


def format_time(stamp: str | None) -> str:
    """A store time stamp in local time, as "2025-01-31 14:05:09"."""
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp)
    return (moment.astimezone() if moment.tzinfo else moment).strftime("%Y-%m-%d %H:%M:%S")
