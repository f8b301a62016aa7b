"""Design-time checks import no ML library: validating a pipeline runs every node's `configure`, which must leave
scikit-learn, SciPy, imbalanced-learn and Matplotlib unloaded (so that `designer validate` starts fast)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("sklearn", "scipy", "imblearn", "matplotlib")

VALIDATE_EVERYTHING = """
import importlib
import sys
from pathlib import Path

from engine.engine import Engine
from engine.samples import sample_pipelines
from engine.workspace import Workspace
from nodes.context import DesignContext
from nodes.errors import ComponentError
from nodes.lazy import Lazy
from nodes.registry import default_registry

engine = Engine(Workspace(Path(sys.argv[1])), max_workers=1)
try:
    for name, pipeline in sample_pipelines().items():
        problems = engine.analyze(pipeline).problems
        assert not problems, (name, problems)
finally:
    engine.close()
for component in default_registry():  # those no sample holds too, with nothing connected
    if isinstance(component.configure, Lazy):
        importlib.import_module(component.configure.module)
    params, problems = component.resolve_params({})
    if not problems:  # a required parameter left blank stops validation before configure
        try:
            component.configure(DesignContext(), {}, params)
        except ComponentError:
            pass
print(" ".join(sorted(name for name in sys.argv[2:] if name in sys.modules)))
"""


def test_validating_every_sample_and_configuring_every_component_imports_no_ml_library(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", VALIDATE_EVERYTHING, str(tmp_path), *HEAVY],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
