"""Partition and Sample: the first rows, a random sample, rows assigned to folds, or the rows of one fold.

Assign to Folds appends the fold number of each row as the column "Fold" (1 to k, role None: never a feature),
the convention of nodes.folds that Cross Validate Model and Pick Fold read."""
from __future__ import annotations

from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.params import Boolean, ColumnPicker, Float, Int, Mode, String
from nodes.ports import DataFrame

DATASET = "Dataset"
OUTPUT = "oDataset"
MODE = "Partition or sample mode"
ASSIGN, PICK, SAMPLING, HEAD = "Assign to Folds", "Pick Fold", "Sampling", "Head"
REPLACEMENT = "Use replacement in the partitioning"
RANDOMIZED = "Randomized split"
SEED = "Random seed"
METHOD = "Specify the partitioner method"
EVENLY, CUSTOM = "Partition evenly", "Partition with customized proportions"
FOLDS = "Specify number of folds to split evenly into"
STRATIFIED = "Stratified split"
KEY = "Stratification key column"
PROPORTIONS = "List of proportions separated by comma"
CUSTOM_STRATIFIED = "Stratified split for customized fold assignment"
CUSTOM_KEY = "Stratification key column for customized fold assignment"
FOLD = "Specify which fold to be sampled from"
COMPLEMENT = "Pick complement of the selected fold"
RATE = "Rate of sampling"
SAMPLING_SEED = "Random seed for sampling"
SAMPLING_STRATIFIED = "Stratified split for sampling"
SAMPLING_KEY = "Stratification key column for sampling"
ROWS = "Number of rows to select"

_TRUE_FALSE = ["True", "False"]
_ASSIGN = (MODE, (ASSIGN,))
_SAMPLING = (MODE, (SAMPLING,))

COMPONENT = Component(
    id="partition_and_sample",
    name="Partition and Sample",
    category="Data Transformation",
    description="Head keeps the first rows; Sampling a random fraction; Assign to Folds adds each row's fold "
                "number (column Fold, for Cross Validate Model); Pick Fold keeps one fold or its complement.",
    inputs=(DataFrame(DATASET),),
    outputs=(DataFrame(OUTPUT),),
    params=(Mode(MODE, [ASSIGN, PICK, SAMPLING, HEAD], SAMPLING),
            Boolean(REPLACEMENT, False, parent=_ASSIGN,
                    description="Each fold draws its rows with replacement, so folds may overlap."),
            Boolean(RANDOMIZED, True, parent=_ASSIGN),
            Int(SEED, 0, min=0, max=4294967295, parent=_ASSIGN),
            Mode(METHOD, [EVENLY, CUSTOM], EVENLY, parent=_ASSIGN),
            Int(FOLDS, 5, min=2, parent=(METHOD, (EVENLY,))),
            Mode(STRATIFIED, _TRUE_FALSE, "False", parent=(METHOD, (EVENLY,))),
            ColumnPicker(KEY, single=True, parent=(STRATIFIED, ("True",))),
            String(PROPORTIONS, "0.5,0.5", parent=(METHOD, (CUSTOM,)),
                   description="One relative size per fold, e.g. 0.2,0.3,0.5."),
            Mode(CUSTOM_STRATIFIED, _TRUE_FALSE, "False", parent=(METHOD, (CUSTOM,))),
            ColumnPicker(CUSTOM_KEY, single=True, parent=(CUSTOM_STRATIFIED, ("True",))),
            Int(FOLD, 1, min=1, parent=(MODE, (PICK,))),
            Boolean(COMPLEMENT, False, parent=(MODE, (PICK,))),
            Float(RATE, 0.01, min=0.0, max=1.0, parent=_SAMPLING),
            Int(SAMPLING_SEED, 0, min=0, max=4294967295, parent=_SAMPLING),
            Mode(SAMPLING_STRATIFIED, _TRUE_FALSE, "False", parent=_SAMPLING),
            ColumnPicker(SAMPLING_KEY, single=True, parent=(SAMPLING_STRATIFIED, ("True",))),
            Int(ROWS, 10, min=0, parent=(MODE, (HEAD,)))),
    pass_through_in_inference=True,
    maps_to="Head: DataFrame.head(n); Sampling: DataFrame.sample(frac=rate, random_state=seed) (per stratum with "
            "groupby().sample), rows kept in order; Assign to Folds evenly: sklearn.model_selection.KFold("
            "shuffle=randomized, random_state=seed) or StratifiedKFold, customized proportions cut the shuffled rows; "
            "with replacement numpy RandomState(seed).choice per fold",
    **implemented_in("nodes.components.transformation._partition_and_sample",
                     run_module="nodes.components.transformation._partition_and_sample_run"),
)
