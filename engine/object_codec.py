"""Models, transformations and other values as artifacts: joblib, uncompressed (models load fast)."""
from __future__ import annotations

import io
from typing import Any

import joblib

from engine.artifacts import Data


def object_bytes(value: Any) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(value, buffer, compress=0)
    return buffer.getvalue()


def object_from_bytes(data: Data) -> Any:
    return joblib.load(io.BytesIO(data))
