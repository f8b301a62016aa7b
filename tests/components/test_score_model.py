import io

import joblib
import numpy as np
import pandas as pd
import pytest

from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.algorithms.two_class_logistic_regression import COMPONENT as LOGISTIC
from nodes.components.scoring.score_model import COMPONENT
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.errors import ComponentError
from nodes.learner import Learner
from nodes.models import Task
from nodes.table import ColumnType, Role, Table
from tests.components.ml_data import ml_configure, ml_frame, ml_run, plain_logistic

REGRESSION_DATA = Table(ml_frame().drop(columns=["cls"]))
BINARY_DATA = Table(ml_frame().drop(columns=["y"]))


def trained(learner_component, table, label, **values):
    learner = ml_run(learner_component, {}, **values)["Untrained model"]
    return ml_run(TRAIN, {"Untrained model": learner, "Dataset": table}, **{"Label column": label})["Trained model"]


def score(model, table, **values):
    return ml_run(COMPONENT, {"Trained model": model, "Dataset": table}, **values)["Scored dataset"]


def configure(model, schema, **values):
    return ml_configure(COMPONENT, {"Trained model": model.schema, "Dataset": schema}, **values)["Scored dataset"]


def test_regression_appends_scored_labels():
    model = trained(LINEAR, REGRESSION_DATA, "y")
    scored = score(model, REGRESSION_DATA)
    frame = scored.frame
    assert list(frame.columns) == [*REGRESSION_DATA.frame.columns, "Scored Labels"]
    np.testing.assert_allclose(frame["Scored Labels"], model.pipeline.predict(REGRESSION_DATA.frame.drop(columns="y")))
    assert scored.roles == {"y": Role.LABEL, "Scored Labels": Role.SCORE}
    assert configure(model, REGRESSION_DATA.schema) == scored.schema
    joblib.dump(scored, io.BytesIO())


def test_binary_scores_probability_of_the_second_class():
    model = trained(LOGISTIC, BINARY_DATA, "cls", **{"Random number seed": 0})
    scored = score(model, BINARY_DATA)
    probabilities = model.pipeline.predict_proba(BINARY_DATA.frame.drop(columns="cls"))[:, 1]
    np.testing.assert_allclose(scored.frame["Scored Probabilities"], probabilities)
    assert (scored.frame["Scored Labels"] == np.where(probabilities >= 0.5, "low", "high")).all()
    assert scored.schema["Scored Labels"].type is ColumnType.STRING
    assert scored.schema["Scored Probabilities"].role is Role.SCORE
    assert configure(model, BINARY_DATA.schema) == scored.schema


def test_integer_labels_keep_their_type():
    frame = BINARY_DATA.frame.assign(cls=(BINARY_DATA.frame["cls"] == "high").astype(int))
    model = trained(LOGISTIC, Table(frame), "cls")
    scored = score(model, Table(frame))
    assert scored.schema["Scored Labels"].type is ColumnType.INTEGER
    assert configure(model, Table(frame).schema) == scored.schema


def test_multiclass_scores_one_probability_per_class():
    frame = ml_frame().drop(columns=["y"]).assign(cls=lambda f: f["colour"].fillna("blue"))
    frame = frame.drop(columns=["colour"])
    learner = Learner("Multi", Task.MULTICLASS, plain_logistic)
    model = ml_run(TRAIN, {"Untrained model": learner, "Dataset": Table(frame)},
                   **{"Label column": "cls"})["Trained model"]
    scored = score(model, Table(frame))
    probabilities = model.pipeline.predict_proba(frame.drop(columns="cls"))
    names = [f"Scored Probabilities_{c}" for c in model.classes]
    assert list(scored.frame.columns[-4:]) == [*names, "Scored Labels"]
    np.testing.assert_allclose(scored.frame[names].to_numpy(), probabilities)
    assert (scored.frame["Scored Labels"] == model.pipeline.predict(frame.drop(columns="cls"))).all()
    assert configure(model, Table(frame).schema) is None
    assert model.score_schema() == scored.schema.select([*names, "Scored Labels"])  # known once fitted


def test_without_append_only_scores_are_returned():
    model = trained(LOGISTIC, BINARY_DATA, "cls")
    scored = score(model, BINARY_DATA, **{"Append score columns to output": False})
    assert list(scored.frame.columns) == ["Scored Labels", "Scored Probabilities"]
    assert scored.label is None
    assert configure(model, BINARY_DATA.schema, **{"Append score columns to output": False}) == scored.schema


def test_data_without_the_label_can_be_scored():
    model = trained(LINEAR, REGRESSION_DATA, "y")
    unlabelled = Table(REGRESSION_DATA.frame.drop(columns=["y"]).head(3))
    scored = score(model, unlabelled)
    assert scored.label is None and len(scored.frame) == 3
    assert configure(model, unlabelled.schema) == scored.schema
    binary = trained(LOGISTIC, BINARY_DATA, "cls")
    unlabelled = Table(BINARY_DATA.frame.drop(columns="cls"))
    assert configure(binary, unlabelled.schema) == score(binary, unlabelled).schema  # the model knows the label type


def test_missing_values_in_features_are_imputed():
    model = trained(LINEAR, REGRESSION_DATA, "y")
    gaps = REGRESSION_DATA.frame.head(2).assign(x1=np.nan, colour=None)
    assert score(model, Table(gaps)).frame["Scored Labels"].notna().all()


def test_missing_feature_is_error_0001():
    model = trained(LINEAR, REGRESSION_DATA, "y")
    table = Table(REGRESSION_DATA.frame.drop(columns=["colour"]))
    for call in (lambda: configure(model, table.schema), lambda: score(model, table)):
        with pytest.raises(ComponentError) as error:
            call()
        assert error.value.code == 1 and error.value.column == "colour"


def test_numeric_feature_turned_text_is_error_0017():
    model = trained(LINEAR, REGRESSION_DATA, "y")
    table = Table(REGRESSION_DATA.frame.assign(x2=REGRESSION_DATA.frame["x2"].astype(str)))
    with pytest.raises(ComponentError) as error:
        score(model, table)
    assert error.value.code == 17 and error.value.column == "x2"


def test_unknown_inputs_give_an_unknown_schema():
    model = trained(LINEAR, REGRESSION_DATA, "y")
    assert ml_configure(COMPONENT, {"Trained model": model.schema, "Dataset": None})["Scored dataset"] is None


@pytest.mark.parametrize("learner_component, table, label", [(LINEAR, REGRESSION_DATA, "y"),
                                                              (LOGISTIC, BINARY_DATA, "cls")])
def test_a_model_scores_any_frame_with_its_features(learner_component, table, label):
    model = trained(learner_component, table, label)
    rows = table.frame.drop(columns=[label]).iloc[[5, 2, 9]]
    scores = model.score(rows)
    assert list(scores.index) == [5, 2, 9]
    assert Table(scores, dict.fromkeys(scores.columns, Role.SCORE)).schema == model.score_schema()
    pd.testing.assert_frame_equal(scores, score(model, table).frame.loc[[5, 2, 9], list(scores.columns)])


@pytest.mark.parametrize("learner, table, label", [(LINEAR, REGRESSION_DATA, "y"), (LOGISTIC, BINARY_DATA, "cls")])
def test_zero_rows_score_to_zero_rows_with_the_scored_schema(learner, table, label):
    model = trained(learner, table, label)
    empty = Table(table.frame.iloc[0:0], table.roles)
    scored = score(model, empty)
    assert len(scored.frame) == 0
    assert scored.schema == score(model, table).schema  # the same columns, types and roles as with rows
