"""What a node is titled on the canvas: its component's name, or for a node that stands for something
registered (a Dataset, a Saved Model) that thing's name and version."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nodes.component import Component
from nodes.params import REGISTERED_KINDS

VERSION = "Version"


def node_title(component: Component, params: Mapping[str, Any]) -> str:
    """E.g. "Automobile fuel economy · v2", "Automobile fuel economy · latest", or "Split Data"."""
    named = next((p for p in component.params if p.kind in REGISTERED_KINDS and params.get(p.name)), None)
    if named is None:
        return component.name
    version = params.get(VERSION)
    return f"{params[named.name]} · {f'v{version}' if version not in (None, '') else 'latest'}"
