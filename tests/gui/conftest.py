"""GUI fixtures: a main window on a real workspace, with QSettings isolated in a temporary folder."""
from __future__ import annotations

import pytest
from PySide6 import QtCore


@pytest.fixture
def isolated_settings(tmp_path):
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope,
                             str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture
def main_window(qtbot, workspace, engine, isolated_settings):
    from designer_app.main_window import MainWindow
    window = MainWindow(workspace, engine)
    qtbot.addWidget(window)
    window.drafts.restore()
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.drafts.flush()
    window.close()


@pytest.fixture
def adapter(main_window):
    return main_window.adapter


@pytest.fixture
def bridge(engine, qtbot):
    from designer_app.engine_bridge import EngineBridge
    bridge = EngineBridge(engine)
    yield bridge
    bridge.close()
