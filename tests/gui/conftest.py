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
def open_main_window(qtbot, workspace, isolated_settings):
    """Opens main windows on the test workspace with a given engine; closes them (draft flushed) afterwards."""
    from designer_app.main_window import MainWindow
    windows = []

    def open_window(engine):
        window = MainWindow(workspace, engine)
        qtbot.addWidget(window)
        window.drafts.restore()
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window
    yield open_window
    for window in windows:
        window.drafts.flush()
        window.close()


@pytest.fixture
def main_window(open_main_window, engine):
    return open_main_window(engine)


@pytest.fixture
def adapter(main_window):
    return main_window.adapter


@pytest.fixture
def bridge(engine, qtbot):
    from designer_app.engine_bridge import EngineBridge
    bridge = EngineBridge(engine)
    yield bridge
    bridge.close()


@pytest.fixture
def slow_engine(workspace):
    """An engine that also knows the test components (a step that runs until cancelled)."""
    from engine.engine import Engine
    from tests.engine import fakes
    eng = Engine(workspace, registry=fakes.registry(), max_workers=2)
    yield eng
    eng.close()
