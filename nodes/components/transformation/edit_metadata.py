"""Edit Metadata: changes the type, categorical flag, role or name of the picked columns."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import ColumnPicker, Mode, String
from nodes.ports import DataFrame
from nodes.schema import ColumnType, Role

DATASET = "Dataset"
OUTPUT = "Results dataset"
COLUMN = "Column"
DATA_TYPE = "Data type"
CATEGORICAL = "Categorical"
FIELDS = "Fields"
NEW_NAMES = "New column names"

UNCHANGED = "Unchanged"
TYPES = [UNCHANGED] + [t.value for t in ColumnType]
SET_ROLE = {"Features": Role.FEATURE, "Labels": Role.LABEL, "Weights": Role.WEIGHT}
CLEAR_ROLE = {"ClearFeatures": Role.FEATURE, "ClearLabels": Role.LABEL, "ClearScores": Role.SCORE,
              "ClearWeights": Role.WEIGHT}

COMPONENT = Component(
    id="edit_metadata",
    name="Edit Metadata",
    category="Data Transformation",
    description="Changes column types, the categorical flag, roles (feature, label, weight) or names.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    params=(ColumnPicker(COLUMN, description="Columns to edit."),
            Mode(DATA_TYPE, TYPES, UNCHANGED),
            Mode(CATEGORICAL, [UNCHANGED, "Categorical", "NonCategorical"], UNCHANGED),
            Mode(FIELDS, [UNCHANGED, *SET_ROLE, *CLEAR_ROLE], UNCHANGED),
            String(NEW_NAMES, None, required=False,
                   description="Comma-separated new names for the selected columns, in order.")),
    maps_to='pandas: Series.astype for the data type, pandas.Categorical for categorical, DataFrame.rename for new names; feature/label roles kept in the table schema',
    **implemented_in("nodes.components.transformation._edit_metadata",
                     run_module="nodes.components.transformation._edit_metadata_run"),
)
