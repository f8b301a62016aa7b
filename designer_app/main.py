"""`designer` without arguments: open the workspace, the engine and the main window."""
from __future__ import annotations

import sys

from PySide6 import QtWidgets

from designer_app.main_window import MainWindow
from designer_app.settings import APPLICATION, ORGANIZATION, app_settings
from designer_app.theme import DEFAULT_THEME, apply_theme
from engine.engine import Engine
from engine.workspace import Workspace


def main(workspace: str | None = None) -> int:
    """Run the desktop app on a workspace folder (default: the per-user one); returns the exit code."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Designer")
    apply_theme(app, app_settings().value("ui/theme", DEFAULT_THEME))
    with Workspace(workspace) as ws:
        engine = Engine(ws)
        window = None
        try:
            window = MainWindow(ws, engine)
            window.drafts.restore()
            window.show()
            return app.exec()
        finally:
            if window is not None:
                window.close()  # also after app.quit(): flushes the autosave and leaves the engine
            engine.close()  # cancels running jobs; the workspace closes last
