"""SMOTE: adds synthetic rows of the least frequent class, interpolated between it and its nearest neighbours."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import ColumnPicker, Int
from nodes.ports import DataFrame

SAMPLES = "Samples"
OUTPUT = "Table"
LABEL = "Label column"
PERCENTAGE = "SMOTE percentage"
NEIGHBORS = "Number of nearest neighbors"
SEED = "Random seed"

COMPONENT = Component(
    id="smote",
    name="SMOTE",
    category="Data Transformation",
    description="Oversamples the minority class: SMOTE percentage 100 doubles its rows (a percentage that is not "
                "a multiple of 100 counts as the next one). The original rows come first, in order.",
    inputs=(DataFrame(SAMPLES),),
    outputs=(DataFrame(OUTPUT),),
    params=(ColumnPicker(LABEL, single=True, description="The class column."),
            Int(PERCENTAGE, 100, min=0),
            Int(NEIGHBORS, 1, min=1, description="Neighbours a synthetic row is interpolated towards."),
            Int(SEED, 0, min=0, max=4294967295)),
    pass_through_in_inference=True,
    maps_to="imblearn.over_sampling.SMOTE(sampling_strategy={minority: n * (1 + ceil(percentage / 100))}, "
            "k_neighbors, random_state=seed); SMOTENC with text, categorical or boolean features, SMOTEN when all are",
    **implemented_in("nodes.components.transformation._smote",
                     run_module="nodes.components.transformation._smote_run"),
)
