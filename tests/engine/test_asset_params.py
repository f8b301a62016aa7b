"""Asset parameters (the registered model or transformation of a Saved Model / Saved Transformation node): plain
strings in the document, described with their asset kind, and set by String pipeline parameters."""
from __future__ import annotations

from engine.parameters import apply_parameters, binding_mismatch, parameter_for
from engine.pipeline import PipelineParameter
from engine.validation import analyze
from nodes.components.data_io.saved_model import COMPONENT as SAVED_MODEL
from nodes.components.data_io.saved_transformation import COMPONENT as SAVED_TRANSFORMATION
from nodes.params import ParamKind
from tests.engine.builders import node, pipeline
from tests.engine.test_drafts_set_cli import register_assets


def test_saved_assets_name_their_asset_kind():
    model, transformation = SAVED_MODEL.param("Model"), SAVED_TRANSFORMATION.param("Transformation")
    assert (model.kind, model.asset, transformation.kind, transformation.asset) == (
        ParamKind.ASSET, "model", ParamKind.ASSET, "transformation")
    assert model.to_dict()["kind"] == "Asset" and model.to_dict()["asset"] == "model"
    assert model.coerce("cars") == "cars"


def test_a_string_pipeline_parameter_chooses_the_registered_model(workspace):
    register_assets(workspace)
    saved = node("saved_model", Model="cars")
    parameter = parameter_for("model", saved.id, SAVED_MODEL.param("Model"), "cars")
    assert (parameter.kind, parameter.default) == ("String", "cars")
    assert binding_mismatch(parameter, SAVED_MODEL.param("Model")) is None
    assert binding_mismatch(PipelineParameter(name="n", kind="Int"), SAVED_MODEL.param("Model"))
    draft = pipeline(saved, parameters=[parameter])
    resolved = apply_parameters(draft, {"model": "bikes"})
    assert resolved.node(saved.id).params["Model"] == "bikes"
    assert analyze(resolved, catalog=workspace.datasets).problems == []
    wrong = analyze(apply_parameters(draft, {"model": "scaler"}), catalog=workspace.datasets).problems
    assert [(p.parameter, p.code) for p in wrong] == [("Model", "0018")]
