"""Score Model: the model scores the data; the score columns are appended, or returned alone."""
from __future__ import annotations

from dataclasses import replace

from nodes.components.scoring.score_model import APPEND, DATASET, MODEL, OUTPUT
from nodes.context import DesignContext
from nodes.model_schemas import ModelSchema
from nodes.params import Params
from nodes.schema import Role, TableSchema


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    """The scored schema; None while the score columns depend on the fitted classes (multiclass)."""
    model: ModelSchema | None = inputs.get(MODEL)
    schema: TableSchema | None = inputs.get(DATASET)
    if model is None or schema is None:
        return {OUTPUT: None}
    model.check_features(schema, DATASET)
    scores = model.score_schema()
    if scores is None or not params[APPEND]:
        return {OUTPUT: scores}
    if model.label in schema:
        schema = schema.replace_columns(**{model.label: replace(schema[model.label], role=Role.LABEL)})
    return {OUTPUT: schema.append(*scores.columns)}
