"""Saved Model: a registered trained model (an MD- node of an inference pipeline)."""
from __future__ import annotations

from nodes.ports import Model
from nodes.saved_asset import saved_asset

OUTPUT = "Trained model"

COMPONENT = saved_asset("saved_model", "Saved Model", "model", Model(OUTPUT),
                        "A registered trained model of the workspace, as Score Model's model input.")
