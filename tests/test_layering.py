"""The layers, checked in fresh interpreters: the headless core never loads Qt or the app, listing the catalogue
(the palette, `designer components`) loads no data or ML library, and the `designer` launcher, which sees both
layers, opens the app only without a command."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from designer_app import launcher

ROOT = Path(__file__).resolve().parents[1]
GUI = ("PySide6", "shiboken6", "NodeGraphQt", "designer_app")
LIBRARIES = ("sklearn", "scipy", "joblib", "pandas", "pyarrow", "numpy")  # data and ML libraries


def loaded_after(code: str) -> set[str]:
    """The top-level packages a fresh interpreter has loaded after running `code`."""
    script = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted({{m.partition('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_every_core_module_imports_without_qt_or_the_app():
    code = ("import importlib, pkgutil, engine, nodes\n"
            "for package in (engine, nodes):\n"
            "    importlib.import_module(package.__name__)\n"
            "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
            "        if not info.name.endswith('.__main__'):  # `python -m` entry points run on import\n"
            "            importlib.import_module(info.name)")
    loaded = loaded_after(code)
    assert {"engine", "nodes", "sklearn"} <= loaded  # the walk reached the implementation modules
    assert not loaded & set(GUI)


def test_listing_the_catalogue_loads_no_data_or_ml_library():
    loaded = loaded_after("from nodes.registry import default_registry\n"
                          "assert [c.to_dict() for c in default_registry()]")
    assert not loaded & set(LIBRARIES)


def test_the_designer_command_loads_only_what_its_command_runs():
    loaded = loaded_after("from designer_app.launcher import main\n"
                          "assert main(['components', '--json']) == 0")
    assert "designer_app" in loaded  # the launcher itself
    assert not loaded & {*LIBRARIES, "PySide6", "shiboken6", "NodeGraphQt", "sqlite3"}  # no engine, no app


def test_the_app_loads_scikit_learn_only_when_it_needs_it():
    loaded = loaded_after("import designer_app.main")
    assert "PySide6" in loaded and not loaded & {"sklearn", "scipy"}


def test_the_launcher_opens_the_app_without_a_command_and_runs_commands_otherwise(monkeypatch, capsys):
    opened = []
    monkeypatch.setattr(launcher, "open_app", lambda workspace: opened.append(workspace) or 0)
    assert launcher.main(["--workspace", "elsewhere"]) == 0 and opened == ["elsewhere"]
    assert launcher.main(["components"]) == 0 and opened == ["elsewhere"]
    assert "Evaluate Model" in capsys.readouterr().out


def test_the_command_line_alone_says_how_to_open_the_app():
    result = subprocess.run([sys.executable, "-m", "engine.cli"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert "components" in result.stdout and "without a command to open the desktop app" in result.stdout
