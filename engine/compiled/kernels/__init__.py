"""The kernel makers, by the id of the component they compile."""
from __future__ import annotations

from engine.compiled.kernel import Maker
from engine.compiled.kernels import apply_transformation, edit_metadata, score_model, select_columns, web_service
from nodes.components.scoring import apply_transformation as apply_transformation_component
from nodes.components.scoring import assign_data_to_clusters
from nodes.components.scoring import score_model as score_model_component
from nodes.components.transformation import edit_metadata as edit_metadata_component
from nodes.components.transformation import select_columns as select_columns_component
from nodes.components.web_service import web_service_output

MAKERS: dict[str, Maker] = {
    select_columns_component.COMPONENT.id: select_columns.make,
    edit_metadata_component.COMPONENT.id: edit_metadata.make,
    apply_transformation_component.COMPONENT.id: apply_transformation.make,
    score_model_component.COMPONENT.id: score_model.make,
    assign_data_to_clusters.COMPONENT.id: score_model.make_assign,
    web_service_output.COMPONENT.id: web_service.make,
}
