"""Step fingerprints: a hash of the component, its version, parameters, inputs' fingerprints and source data."""
from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from nodes.columns import ColumnSelection


@cache
def library_versions() -> dict[str, str]:
    import numpy
    import pandas
    import sklearn
    return {"numpy": numpy.__version__, "pandas": pandas.__version__, "scikit-learn": sklearn.__version__}


def _plain(value: Any) -> Any:
    return value.to_dict() if isinstance(value, ColumnSelection) else value


def step_fingerprint(component_id: str, version: str, params: dict[str, Any], inputs: dict[str, str],
                     content_key: str | None) -> str:
    """`inputs` maps each input port to the fingerprint of the output feeding it."""
    document = {"component": component_id, "version": version,
                "params": {k: _plain(v) for k, v in sorted(params.items())},
                "inputs": dict(sorted(inputs.items())), "content": content_key, "libraries": library_versions()}
    return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()


def output_fingerprint(step: str, port: str) -> str:
    return hashlib.sha256(f"{step}\0{port}".encode()).hexdigest()
