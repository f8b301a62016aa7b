"""Design-time checks import no ML library: validating a pipeline runs every node's `configure`, which must leave
scikit-learn, SciPy, imbalanced-learn and Matplotlib unloaded (so that `designer validate` starts fast), and pandas,
NumPy and Arrow too but for the components that read data to know their output's schema."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("sklearn", "scipy", "imblearn", "matplotlib")
DATA = ("pandas", "numpy", "pyarrow")
READS_DATA = ("enter_data_manually", "import_data")  # pandas parses their text or previews their files

MAKE_WORKSPACE = "import sys, pathlib, engine.workspace; engine.workspace.Workspace(pathlib.Path(sys.argv[1]))"
VALIDATE_EVERYTHING = """
import importlib
import sys
from pathlib import Path

from engine.samples import sample_pipelines
from engine.validation import analyze
from engine.workspace import Workspace
from nodes.context import DesignContext
from nodes.errors import ComponentError
from nodes.lazy import Lazy
from nodes.registry import default_registry

workspace = Workspace(Path(sys.argv[1]))  # as `designer validate` checks a pipeline
for name, pipeline in sample_pipelines().items():
    problems = analyze(pipeline, catalog=workspace.datasets).problems
    assert not problems, (name, problems)


def configure_each(components):  # with nothing connected, as each stands on the canvas alone
    for component in components:
        if isinstance(component.configure, Lazy):
            importlib.import_module(component.configure.module)
        params, problems = component.resolve_params({})
        if not problems:  # a required parameter left blank stops validation before configure
            try:
                component.configure(DesignContext(), {}, params)
            except ComponentError:
                pass
    print(" ".join(sorted(name for name in sys.argv[3:] if name in sys.modules)))


reads_data = sys.argv[2].split(",")
configure_each(c for c in default_registry() if c.id not in reads_data)  # those no sample holds too
configure_each(c for c in default_registry() if c.id in reads_data)
"""


def test_validating_every_sample_and_configuring_every_component_imports_no_ml_library(tmp_path: Path) -> None:
    made = subprocess.run([sys.executable, "-c", MAKE_WORKSPACE, str(tmp_path)], capture_output=True, text=True,
                          timeout=120)  # beforehand, as a user's is (making one loads the store's libraries)
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, "-c", VALIDATE_EVERYTHING, str(tmp_path), ",".join(READS_DATA), *HEAVY,
                           *DATA], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    without_reading, with_reading = done.stdout.splitlines()
    assert without_reading.split() == []  # every sample, every component but those reading data: no data library
    assert not set(with_reading.split()) & set(HEAVY)
