import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import KFold, StratifiedKFold

from nodes.columns import ColumnSelection
from nodes.components.transformation.partition_and_sample import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.folds import FOLD_COLUMN, has_folds
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked

MODE = "Partition or sample mode"
FOLDS = "Specify number of folds to split evenly into"
ASSIGN = {MODE: "Assign to Folds"}


def partition(table: Table, **values) -> Table:
    return run_checked(COMPONENT, {"Dataset": table}, values)["oDataset"]


def numbered(rows: int) -> Table:
    return Table(pd.DataFrame({"id": range(rows), "group": (["a", "b", "b", "c"] * rows)[:rows]}),
                 {"id": Role.LABEL})


def test_head():
    pd.testing.assert_frame_equal(partition(gappy_table(), **{MODE: "Head", "Number of rows to select": 3}).frame,
                                  gappy_frame().head(3))
    assert len(partition(gappy_table(), **{MODE: "Head", "Number of rows to select": 100}).frame) == 8


@pytest.mark.parametrize(("rate", "seed"), [(0.01, 0), (0.3, 5), (1.0, 2)])
def test_sampling_matches_dataframe_sample(rate, seed):
    table = numbered(200)
    out = partition(table, **{MODE: "Sampling", "Rate of sampling": rate, "Random seed for sampling": seed})
    expected = sorted(table.frame.sample(frac=rate, random_state=seed)["id"])
    assert out.frame["id"].tolist() == expected
    assert out.roles == {"id": Role.LABEL}


def test_stratified_sampling_keeps_the_rate_per_stratum():
    table = numbered(200)
    out = partition(table, **{MODE: "Sampling", "Rate of sampling": 0.5, "Stratified split for sampling": "True",
                              "Stratification key column for sampling": ["group"]})
    assert out.frame["group"].value_counts().to_dict() == {"b": 50, "a": 25, "c": 25}
    expected = table.frame.groupby("group").sample(frac=0.5, random_state=0)["id"]
    assert out.frame["id"].tolist() == sorted(expected)


@pytest.mark.parametrize(("randomized", "seed", "k"), [(True, 0, 5), (True, 11, 3), (False, 0, 4)])
def test_folds_match_kfold(randomized, seed, k):
    table = numbered(23)
    out = partition(table, **ASSIGN, **{FOLDS: k, "Randomized split": randomized, "Random seed": seed})
    splitter = KFold(k, shuffle=randomized, random_state=seed if randomized else None)
    expected = np.zeros(23, dtype=int)
    for fold, (_, test) in enumerate(splitter.split(np.zeros(23))):
        expected[test] = fold + 1
    assert out.frame[FOLD_COLUMN].tolist() == expected.tolist()
    assert out.frame["id"].tolist() == list(range(23))
    assert out.schema[FOLD_COLUMN].type is ColumnType.INTEGER and has_folds(out.schema)
    assert out.roles == {"id": Role.LABEL, FOLD_COLUMN: Role.NONE}


def test_stratified_folds_match_stratified_kfold():
    table = numbered(40)
    out = partition(table, **ASSIGN, **{FOLDS: 4, "Random seed": 3, "Stratified split": "True",
                                        "Stratification key column": ["group"]})
    expected = np.zeros(40, dtype=int)
    codes = pd.factorize(table.frame["group"])[0]
    for fold, (_, test) in enumerate(StratifiedKFold(4, shuffle=True, random_state=3).split(np.zeros(40), codes)):
        expected[test] = fold + 1
    assert out.frame[FOLD_COLUMN].tolist() == expected.tolist()


def test_customized_proportions_and_replacement():
    custom = {"Specify the partitioner method": "Partition with customized proportions",
              "List of proportions separated by comma": "0.2, 0.3, 0.5"}
    out = partition(numbered(100), **ASSIGN, **custom)
    assert out.frame[FOLD_COLUMN].value_counts().sort_index().tolist() == [20, 30, 50]
    stratified = partition(numbered(100), **ASSIGN, **custom, **{
        "Stratified split for customized fold assignment": "True",
        "Stratification key column for customized fold assignment": ["group"]})
    assert pd.crosstab(stratified.frame["group"], stratified.frame[FOLD_COLUMN]).loc["b"].tolist() == [10, 15, 25]
    drawn = partition(numbered(100), **ASSIGN, **{FOLDS: 4, "Use replacement in the partitioning": True})
    assert drawn.frame[FOLD_COLUMN].value_counts().tolist() == [25] * 4
    assert drawn.frame["id"].duplicated().any()  # rows drawn with replacement repeat


def test_pick_fold_and_its_complement():
    folded = partition(numbered(20), **ASSIGN, **{FOLDS: 4})
    one = partition(folded, **{MODE: "Pick Fold", "Specify which fold to be sampled from": 2})
    rest = partition(folded, **{MODE: "Pick Fold", "Specify which fold to be sampled from": 2,
                                "Pick complement of the selected fold": True})
    assert set(one.frame[FOLD_COLUMN]) == {2} and len(one.frame) == 5
    assert sorted(one.frame["id"].tolist() + rest.frame["id"].tolist()) == list(range(20))
    assert set(rest.frame[FOLD_COLUMN]) == {1, 3, 4}  # still folds: Cross Validate Model can use them
    again = partition(folded, **ASSIGN, **{FOLDS: 2})
    assert list(again.frame.columns).count(FOLD_COLUMN) == 1 and set(again.frame[FOLD_COLUMN]) == {1, 2}


def test_empty_table():
    empty = Table(gappy_frame().iloc[0:0])
    assert partition(empty, **{MODE: "Head"}).frame.empty
    assert partition(empty).frame.empty
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": empty}, resolved(COMPONENT, ASSIGN)) == 21


def test_all_missing_stratification_key_is_one_stratum():
    table = Table(pd.DataFrame({"gap": [np.nan] * 10, "x": range(10)}))
    out = partition(table, **ASSIGN, **{FOLDS: 2, "Stratified split": "True", "Stratification key column": ["gap"]})
    assert out.frame[FOLD_COLUMN].value_counts().tolist() == [5, 5]


@pytest.mark.parametrize(("values", "code"), [
    ({MODE: "Pick Fold"}, 18),
    ({**ASSIGN, "Stratified split": "True", "Stratification key column": ["nope"]}, 1),
    ({**ASSIGN, "Stratified split": "True", "Stratification key column": ColumnSelection.types("DateTime")}, 22),
    ({**ASSIGN, "Specify the partitioner method": "Partition with customized proportions",
      "List of proportions separated by comma": "0.5,x"}, 2),
    ({**ASSIGN, "Specify the partitioner method": "Partition with customized proportions",
      "List of proportions separated by comma": "0.5,-1"}, 2),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Dataset": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": gappy_table()}, params) == code


def test_picking_a_fold_that_is_not_there():
    folded = partition(numbered(8), **ASSIGN, **{FOLDS: 2})
    params = resolved(COMPONENT, {MODE: "Pick Fold", "Specify which fold to be sampled from": 3})
    assert error_code(COMPONENT.run, RunContext(), {"Dataset": folded}, params) == 8
