"""Saved Transformation: a registered fitted transformation (a TD- node of an inference pipeline)."""
from __future__ import annotations

from nodes.ports import Transformation
from nodes.saved_asset import saved_asset

OUTPUT = "Transformation"

COMPONENT = saved_asset("saved_transformation", "Saved Transformation", "transformation", Transformation(OUTPUT),
                        "A registered fitted transformation of the workspace, as Apply Transformation's input.")
