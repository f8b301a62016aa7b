import numpy as np
import pandas as pd
import pytest
from imblearn.over_sampling import SMOTE, SMOTENC

from nodes.columns import ColumnSelection
from nodes.components.transformation.smote import COMPONENT
from nodes.context import DesignContext, RunContext
from nodes.table import Role, Table
from tests.components.transform_data import error_code, gappy_table, resolved, run_checked

LABEL = "Label column"


def imbalanced(rows: int = 40, minority: int = 10) -> pd.DataFrame:
    rng = np.random.RandomState(0)
    return pd.DataFrame({"a": rng.rand(rows), "b": rng.normal(size=rows),
                         "y": ["major"] * (rows - minority) + ["minor"] * minority})


def smote(table: Table, **values) -> Table:
    return run_checked(COMPONENT, {"Samples": table}, {LABEL: ["y"], **values})["Table"]


@pytest.mark.parametrize(("percentage", "k", "seed"), [(100, 1, 0), (200, 3, 5), (150, 2, 1)])
def test_matches_imbalanced_learn(percentage, k, seed):
    frame = imbalanced()
    out = smote(Table(frame, {"y": Role.LABEL}), **{"SMOTE percentage": percentage, "Number of nearest neighbors": k,
                                                    "Random seed": seed})
    target = 10 * (1 + int(np.ceil(percentage / 100)))
    x, y = SMOTE(sampling_strategy={"minor": target}, k_neighbors=k, random_state=seed).fit_resample(
        frame[["a", "b"]], frame["y"])
    assert np.allclose(out.frame[["a", "b"]].to_numpy(), x.to_numpy())
    assert out.frame["y"].tolist() == y.tolist()
    pd.testing.assert_frame_equal(out.frame.head(40), frame)
    assert out.roles == {"y": Role.LABEL}


def test_mixed_features_use_smotenc_and_keep_types():
    frame = imbalanced().assign(n=np.arange(40), c=pd.Series(["u", "v"] * 20, dtype="category"),
                                f=[True, False] * 20)
    out = smote(Table(frame), **{"Number of nearest neighbors": 2})
    features = ["a", "b", "n", "c", "f"]
    x, _ = SMOTENC([3, 4], sampling_strategy={"minor": 20}, k_neighbors=2, random_state=0).fit_resample(
        frame[features], frame["y"].astype(object))
    assert np.allclose(out.frame[["a", "b"]], x[["a", "b"]].astype(float))
    assert out.frame["n"].tolist() == x["n"].round().astype(int).tolist()
    assert out.frame["c"].tolist() == x["c"].tolist() and out.schema == Table(frame).schema


def test_percentage_zero_and_not_a_multiple_of_100():
    table = Table(imbalanced())
    pd.testing.assert_frame_equal(smote(table, **{"SMOTE percentage": 0}).frame, imbalanced())
    assert (smote(table, **{"SMOTE percentage": 50}).frame["y"] == "minor").sum() == 20


def test_non_ascii_labels():
    minor = b"m\xe9dian".decode("latin-1")
    frame = imbalanced().replace({"minor": minor})
    assert (smote(Table(frame)).frame["y"] == minor).sum() == 20


def test_empty_table_is_returned_empty():
    assert smote(Table(imbalanced().iloc[0:0])).frame.empty


@pytest.mark.parametrize(("frame", "code"), [
    (imbalanced().assign(b=np.nan), 18),  # an all-missing column
    (imbalanced().assign(y="one"), 18),
    (imbalanced(minority=1), 21),
    (imbalanced().assign(t=pd.Timestamp("2020-01-01")), 17),
])
def test_errors(frame, code):
    params = resolved(COMPONENT, {LABEL: ["y"]})
    assert error_code(COMPONENT.run, RunContext(), {"Samples": Table(frame)}, params) == code


@pytest.mark.parametrize(("label", "code"), [(["nope"], 1), (ColumnSelection.types("DateTime"), 22)])
def test_label_errors(label, code):
    params = resolved(COMPONENT, {LABEL: label})
    assert error_code(COMPONENT.configure, DesignContext(), {"Samples": gappy_table().schema}, params) == code
