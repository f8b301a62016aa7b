"""Split Data: sends each row to one of two outputs, by fraction or by a relative or regular expression."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Float, Int, Mode, String
from nodes.ports import DataFrame

DATASET = "Dataset"
FIRST, SECOND = "Results dataset1", "Results dataset2"
MODE = "Splitting mode"
FRACTION = "Fraction of rows in the first output dataset"
RANDOMIZED = "Randomized split"
SEED = "Random seed"
STRATIFIED = "Stratified split"
KEY = "Stratification key column"
RELATIONAL = "Relational expression"
REGULAR = "Regular expression"

SPLIT_ROWS, RELATIVE, REGEX = "Split Rows", "Relative Expression", "Regular Expression"

_ROWS = (MODE, (SPLIT_ROWS,))

COMPONENT = Component(
    id="split_data",
    name="Split Data",
    category="Data Transformation",
    description="Splits the rows of a data set into two sets.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(FIRST), DataFrame(SECOND)),
    params=(Mode(MODE, [SPLIT_ROWS, RELATIVE, REGEX], SPLIT_ROWS),
            Float(FRACTION, 0.5, min=0.0, max=1.0, parent=_ROWS),
            Boolean(RANDOMIZED, True, parent=_ROWS),
            Int(SEED, 0, min=0, max=4294967295, parent=_ROWS),
            Mode(STRATIFIED, ["True", "False"], "False", parent=_ROWS),
            ColumnPicker(KEY, single=True, parent=(STRATIFIED, ("True",))),
            String(RELATIONAL, '\\"column name" > 3', parent=(MODE, (RELATIVE,))),
            String(REGULAR, '\\"column name" ^start', parent=(MODE, (REGEX,)))),
    pass_through_in_inference=True,
    maps_to='NumPy: a seeded numpy.random.RandomState permutation for Split Rows (stratified per label value when asked), a pandas boolean mask for Regular and Relative expressions',
    **implemented_in("nodes.components.transformation._split_data",
                     run_module="nodes.components.transformation._split_data_run"),
)
