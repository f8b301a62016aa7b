"""Dark and light themes: the Qt style sheets in resources/style/ plus the canvas and port colours."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from engine.samples import resources
from nodes.ports import PortType

THEMES = ("dark", "light")
DEFAULT_THEME = "dark"

PORT_COLORS: dict[PortType, tuple[int, int, int]] = {
    PortType.DATAFRAME: (64, 156, 255),
    PortType.UNTRAINED_MODEL: (178, 120, 255),
    PortType.MODEL: (60, 200, 130),
    PortType.TRANSFORMATION: (255, 168, 60),
}

CATEGORY_COLORS: dict[str, tuple[int, int, int]] = {
    "Data Input and Output": (64, 156, 255),
    "Data Transformation": (38, 190, 200),
    "Feature Selection": (120, 200, 90),
    "Statistical Functions": (200, 200, 80),
    "Machine Learning Algorithms": (178, 120, 255),
    "Model Training": (60, 200, 130),
    "Model Scoring & Evaluation": (255, 168, 60),
    "Python Language": (240, 110, 150),
    "Text Analytics": (230, 140, 90),
    "Web Service": (150, 150, 150),
}


@dataclass(frozen=True)
class CanvasColors:
    background: tuple[int, int, int]
    grid: tuple[int, int, int]
    node: tuple[int, int, int]
    node_border: tuple[int, int, int]
    node_text: tuple[int, int, int]
    comment_text: tuple[int, int, int]
    dotted: bool = False  # NodeGraphQt's major grid lines are its background darkened: too heavy on a light one


CANVAS = {
    "dark": CanvasColors((30, 31, 34), (40, 42, 46), (50, 52, 58), (78, 82, 90), (232, 234, 237), (160, 166, 175)),
    "light": CanvasColors((243, 244, 246), (218, 221, 226), (255, 255, 255), (196, 200, 207), (32, 33, 36),
                          (95, 99, 104), dotted=True),
}


@dataclass(frozen=True)
class ChartColors:
    """What the charts draw their frame in (colours as CSS hex strings)."""

    background: str
    text: str
    muted: str
    axis: str


CHARTS = {"dark": ChartColors("#1f2023", "#e8eaed", "#9aa0a6", "#5f646c"),
          "light": ChartColors("#ffffff", "#323130", "#605e5c", "#a19f9d")}
THEME_PROPERTY = "designerTheme"


def current_theme() -> str:
    """The theme applied to the application (the default before one is)."""
    app = QApplication.instance()
    theme = app.property(THEME_PROPERTY) if app is not None else None
    return theme if theme in THEMES else DEFAULT_THEME


def chart_colors() -> ChartColors:
    return CHARTS[current_theme()]


def style_sheet(theme: str) -> str:
    """The theme's style sheet, with `@icons` standing for the icons folder."""
    text = (resources() / "style" / f"{theme}.qss").read_text(encoding="utf-8")
    return text.replace("@icons", (resources() / "icons").as_posix())


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply a theme's style sheet to the whole application."""
    theme = theme if theme in THEMES else DEFAULT_THEME
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet(theme))
    app.setProperty(THEME_PROPERTY, theme)
