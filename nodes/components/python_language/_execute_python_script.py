"""Execute Python Script's design-time side: the Script Bundle checked and fingerprinted, and the plots table's
fixed columns.

Its run (`_execute_python_script_run`) runs the script in a child process."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from nodes import errors
from nodes.components.python_language.execute_python_script import BUNDLE, DEVICE, PLOTS, RESULT
from nodes.context import DesignContext
from nodes.params import Params
from nodes.schema import Column, ColumnType, TableSchema

PLOTS_SCHEMA = TableSchema((Column("Name", ColumnType.STRING), Column("Image", ColumnType.STRING)))


def bundle_path(params: Params) -> Path | None:
    """The Script Bundle zip, checked (error 0102 when it is missing or not a zip file)."""
    text = (params[BUNDLE] or "").strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise errors.ComponentError(102, "InvalidZipFile", f'"{text}" is not a zip file.', parameter=BUNDLE)
    return path


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """What the script returns is known only when it runs; the plots table's columns are fixed."""
    bundle_path(params)
    return {RESULT: None, DEVICE: None, PLOTS: PLOTS_SCHEMA}


def content_key(ctx: DesignContext, params: Params) -> str:
    """The bundle's bytes: a changed zip runs the script again."""
    path = bundle_path(params)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path else ""
