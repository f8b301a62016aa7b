"""Shared fixtures: a real workspace (SQLite file and artifacts) under tmp_path, and an engine on it."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def workspace(tmp_path):
    from engine.workspace import Workspace
    ws = Workspace(tmp_path / "workspace")
    yield ws
    ws.close()


@pytest.fixture
def engine(workspace):
    from engine.engine import Engine
    eng = Engine(workspace, max_workers=2)
    yield eng
    eng.close()
