import numpy as np
import pandas as pd
import pytest
from sklearn import metrics

from nodes.columns import ColumnSelection
from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.training.cross_validate_model import COMPONENT
from nodes.learner import Learner
from nodes.models import Task
from nodes.table import Role, Table
from tests.components.ml_data import ml_configure, ml_frame, ml_run, plain_logistic

SCORED, BY_FOLD = "Scored results", "Evaluation results by fold"


def validate(learner, table, label, **values):
    return ml_run(COMPONENT, {"Untrained model": learner, "Dataset": table},
                  **{"Label column": ColumnSelection.names(label).to_dict(), **values})


def test_ten_folds_by_default_each_row_scored_by_the_model_that_did_not_see_it():
    table = Table(ml_frame(80).drop(columns=["y"]))
    learner = Learner("Logistic", Task.BINARY, plain_logistic)
    out = validate(learner, table, "cls", **{"Random seed": 4})
    scored, by_fold = out[SCORED].frame, out[BY_FOLD].frame
    assert sorted(scored["Fold Number"].unique()) == list(range(1, 11))
    assert list(scored.index) == list(table.frame.index)
    assert list(by_fold["Fold Number"]) == [str(i) for i in range(1, 11)] + ["Mean", "Standard Deviation"]
    for fold in (1, 7):
        held_out = scored["Fold Number"] == fold
        model = learner.fit(table.with_frame(table.frame[~held_out.to_numpy()]), "cls")
        expected = model.score(table.frame[held_out.to_numpy()])
        np.testing.assert_allclose(scored.loc[held_out, "Scored Probabilities"], expected["Scored Probabilities"],
                                   atol=1e-12)
        row = by_fold.iloc[fold - 1]
        actual = table.frame["cls"][held_out]
        assert row["Number of examples in fold"] == held_out.sum()
        assert row["Accuracy"] == pytest.approx(metrics.accuracy_score(actual, expected["Scored Labels"]), abs=1e-12)
    per_fold = by_fold.iloc[:10].drop(columns="Fold Number").astype(float)
    np.testing.assert_allclose(by_fold.iloc[10, 1:].astype(float), per_fold.mean(), atol=1e-12)
    np.testing.assert_allclose(by_fold.iloc[11, 1:].astype(float), per_fold.std(ddof=1), atol=1e-12)
    assert out[SCORED].roles["cls"] is Role.LABEL and out[SCORED].roles["Scored Labels"] is Role.SCORE


def test_the_folds_of_partition_and_sample_are_used_and_are_no_feature():
    frame = ml_frame(60).drop(columns=["cls"]).assign(Fold=np.arange(60) % 3 + 1)
    table = Table(frame, {"Fold": Role.NONE})
    learner = ml_run(LINEAR, {})["Untrained model"]
    out = validate(learner, table, "y")
    scored, by_fold = out[SCORED].frame, out[BY_FOLD].frame
    assert (scored["Fold Number"] == frame["Fold"]).all()
    assert list(by_fold["Fold Number"][:3]) == ["1", "2", "3"]
    held_out = frame["Fold"] == 2
    model = learner.fit(table.with_frame(frame[~held_out]), "y")
    assert "Fold" not in [c.name for c in model.features]
    expected = metrics.mean_absolute_error(frame["y"][held_out], model.score(frame[held_out])["Scored Labels"])
    assert by_fold.iloc[1]["Mean_Absolute_Error"] == pytest.approx(expected, abs=1e-12)


def test_multiclass_scores_carry_every_class_and_match_the_design_time_fold_table():
    frame = ml_frame(90).drop(columns=["y", "cls"]).dropna(subset=["colour"])
    table = Table(frame)
    learner = Learner("Multi", Task.MULTICLASS, plain_logistic)
    out = validate(learner, table, "colour")
    assert {f"Scored Probabilities_{c}" for c in ("blue", "green", "red")} <= set(out[SCORED].frame.columns)
    assert out[SCORED].frame["Scored Labels"].isin(["blue", "green", "red"]).all()
    designed = ml_configure(COMPONENT, {"Untrained model": learner.schema, "Dataset": table.schema},
                            **{"Label column": ColumnSelection.names("colour").to_dict()})
    assert designed[BY_FOLD] == out[BY_FOLD].schema and designed[SCORED] is None


def test_binary_scored_results_match_their_design_time_schema():
    table = Table(ml_frame(50).drop(columns=["y"]))
    learner = Learner("Logistic", Task.BINARY, plain_logistic)
    designed = ml_configure(COMPONENT, {"Untrained model": learner.schema, "Dataset": table.schema},
                            **{"Label column": ColumnSelection.names("cls").to_dict()})
    out = validate(learner, table, "cls")
    assert designed[SCORED] == out[SCORED].schema and designed[BY_FOLD] == out[BY_FOLD].schema


def test_fewer_rows_than_folds_is_error_0021():
    table = Table(pd.DataFrame({"x": np.arange(6.0), "y": np.arange(6.0)}))
    with pytest.raises(Exception) as caught:
        validate(ml_run(LINEAR, {})["Untrained model"], table, "y")
    assert caught.value.code == 21
