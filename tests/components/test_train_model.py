import io
import logging
from dataclasses import replace

import joblib
import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression, Ridge

from nodes.columns import ColumnSelection
from nodes.components.algorithms._logistic_regression import estimator as logistic_estimator
from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.algorithms.two_class_logistic_regression import COMPONENT as LOGISTIC
from nodes.components.training.train_model import COMPONENT
from nodes.context import RunContext
from nodes.errors import ComponentError
from nodes.learner import Learner
from nodes.models import LearnerSchema, ModelSchema, Task
from nodes.table import Role, Table
from tests.components.ml_data import (
    ml_configure,
    ml_frame,
    ml_manual_features,
    ml_params,
    ml_run,
    ml_table,
    plain_logistic,
)

LINEAR_SCHEMA = LearnerSchema("Linear Regression", Task.REGRESSION)
LOGISTIC_SCHEMA = LearnerSchema("Two-Class Logistic Regression", Task.BINARY)


def linear():
    return ml_run(LINEAR, {})["Untrained model"]


def logistic():
    return ml_run(LOGISTIC, {}, **{"Random number seed": 1})["Untrained model"]


def train(learner, table, label="y", ctx=None):
    return ml_run(COMPONENT, {"Untrained model": learner, "Dataset": table}, ctx, **{"Label column": label})


def configure(learner_schema, schema, label="y"):
    return ml_configure(COMPONENT, {"Untrained model": learner_schema, "Dataset": schema}, **{"Label column": label})


def test_model_schema_from_configure_equals_the_trained_model():
    table = Table(ml_frame().drop(columns=["cls"]))
    model = train(linear(), table)["Trained model"]
    schema = configure(LINEAR_SCHEMA, table.schema)["Trained model"]
    assert isinstance(schema, ModelSchema) and schema == model.schema
    assert schema.features.names == ["x1", "x2", "colour", "size"] and schema.label == "y"
    assert model.classes == []
    buffer = io.BytesIO()
    joblib.dump(model, buffer)
    buffer.seek(0)
    features = table.frame.drop(columns=["y"])
    np.testing.assert_array_equal(joblib.load(buffer).pipeline.predict(features), model.pipeline.predict(features))


def test_unknown_inputs_give_an_unknown_schema():
    assert configure(None, ml_table().schema)["Trained model"] is None
    assert configure(LINEAR_SCHEMA, None)["Trained model"] is None


def test_rows_without_label_are_dropped_and_logged(caplog):
    frame = ml_frame().drop(columns=["cls"])
    frame.loc[[0, 1, 2], "y"] = np.nan
    with caplog.at_level(logging.INFO, logger="designer.component"):
        model = train(linear(), Table(frame))["Trained model"]
    assert "Dropped 3 rows" in caplog.text
    kept = frame.iloc[3:]
    x_train, x_all = ml_manual_features(kept, kept)
    expected = Ridge(alpha=0.001).fit(x_train, kept["y"]).predict(x_all)
    np.testing.assert_allclose(model.pipeline.predict(kept.drop(columns=["y"])), expected, atol=1e-9)


def test_label_score_and_weight_columns_are_not_features():
    table = Table(ml_frame()).with_roles(cls=Role.LABEL, x2=Role.WEIGHT)
    model = train(linear(), table)["Trained model"]
    assert [c.name for c in model.features] == ["x1", "colour", "size"]


def test_binary_classification_keeps_classes_and_scales_numbers():
    table = Table(ml_frame().drop(columns=["y"]))
    model = train(logistic(), table, "cls")["Trained model"]
    assert model.classes == ["high", "low"] and model.task is Task.BINARY
    numeric = model.pipeline.named_steps["features"].named_transformers_["numeric"]
    assert "scale" in numeric.named_steps
    assert configure(LOGISTIC_SCHEMA, table.schema, "cls")["Trained model"] == model.schema


def test_bool_and_categorical_labels_are_discrete():
    frame = ml_frame().drop(columns=["y"])
    for label in (frame["cls"] == "high", pd.Categorical(frame["cls"])):
        model = train(logistic(), Table(frame.assign(cls=label)), "cls")["Trained model"]
        assert len(model.classes) == 2


def test_learner_without_encoding_wishes_gets_defaults():
    plain = Learner("Plain", Task.BINARY, plain_logistic)
    frame = ml_frame().drop(columns=["y"])
    model = train(plain, Table(frame), "cls")["Trained model"]
    numeric = model.pipeline.named_steps["features"].named_transformers_["numeric"]
    assert "scale" not in numeric.named_steps and plain.allow_unknown_levels


def test_pipeline_matches_sklearn_on_manual_features():
    frame = ml_frame().drop(columns=["y"])
    model = train(Learner("Plain", Task.BINARY, plain_logistic), Table(frame), "cls")["Trained model"]
    x, _ = ml_manual_features(frame, frame)
    expected = LogisticRegression().fit(x, frame["cls"]).predict_proba(x)
    np.testing.assert_allclose(model.pipeline.predict_proba(frame.drop(columns=["cls"])), expected, atol=1e-9)


def test_label_not_in_data_is_error_0001():
    table = ml_table()
    for call in (lambda: configure(LINEAR_SCHEMA, table.schema, "price"), lambda: train(linear(), table, "price")):
        with pytest.raises(ComponentError) as error:
            call()
        assert error.value.code == 1 and error.value.column == "price"


def test_two_label_columns_is_error_0022():
    params = ml_params(COMPONENT, **{"Label column": ColumnSelection.names("y", "x1")})
    with pytest.raises(ComponentError) as error:
        COMPONENT.run(RunContext(), {"Untrained model": linear(), "Dataset": ml_table()}, params)
    assert error.value.code == 22


def test_label_is_required():
    _, problems = COMPONENT.resolve_params({})
    assert [p.code for p in problems] == [3]


@pytest.mark.parametrize("make_learner, schema, label", [(logistic, LOGISTIC_SCHEMA, "y"),
                                                          (linear, LINEAR_SCHEMA, "cls")])
def test_label_of_the_wrong_type_is_error_0017(make_learner, schema, label):
    table = ml_table()
    for call in (lambda: configure(schema, table.schema, label), lambda: train(make_learner(), table, label)):
        with pytest.raises(ComponentError) as error:
            call()
        assert error.value.code == 17 and label in error.value.message


def test_binary_learner_with_three_classes_is_refused():
    frame = ml_frame().drop(columns=["y"])
    frame.loc[:9, "cls"] = "middle"
    with pytest.raises(ComponentError) as error:
        train(logistic(), Table(frame), "cls")
    assert error.value.code == 13 and '"cls" has 3' in error.value.message


def test_free_text_column_with_too_many_values_is_error_0014():
    frame = pd.DataFrame({"id": [f"row{i}" for i in range(1001)], "y": np.arange(1001.0)})
    with pytest.raises(ComponentError) as error:
        train(linear(), Table(frame))
    assert error.value.code == 14 and error.value.column == "id"
    categorical = frame.assign(id=pd.Categorical(frame["id"]))
    assert train(linear(), Table(categorical))["Trained model"].features[0].categorical


def test_datetime_feature_is_error_0017():
    frame = pd.DataFrame({"when": pd.date_range("2024-01-01", periods=5), "y": np.arange(5.0)})
    with pytest.raises(ComponentError) as error:
        configure(LINEAR_SCHEMA, Table(frame).schema)
    assert error.value.code == 17 and error.value.column == "when"


def test_only_a_label_is_error_0020():
    with pytest.raises(ComponentError) as error:
        train(linear(), Table(pd.DataFrame({"y": [1.0, 2.0]})))
    assert error.value.code == 20


def test_all_labels_missing_is_error_0021():
    frame = ml_frame().drop(columns=["cls"]).assign(y=np.nan)
    with pytest.raises(ComponentError) as error:
        train(linear(), Table(frame))
    assert error.value.code == 21


def one_iteration(params):
    return logistic_estimator(params).set_params(max_iter=1)


def test_convergence_warnings_are_emitted():
    learner = replace(logistic(), build=one_iteration)
    with pytest.warns(ConvergenceWarning, match="max_iter"):
        train(learner, Table(ml_frame().drop(columns=["y"])), "cls")


def test_train_model_is_the_learner_fit_on_the_labelled_rows():
    frame = ml_frame().drop(columns=["y"])
    frame.loc[[0, 1], "cls"] = None
    model = train(logistic(), Table(frame), "cls")["Trained model"]
    direct = logistic().fit(Table(frame.iloc[2:]), "cls")
    assert direct.schema == model.schema and direct.classes == model.classes
    pd.testing.assert_frame_equal(direct.score(frame), model.score(frame))


def test_model_explanations_are_reported_as_unavailable(caplog):
    params = ml_params(COMPONENT, **{"Label column": "y", "Model explanations": True})
    with caplog.at_level(logging.WARNING, logger="designer.component"):
        COMPONENT.run(RunContext(), {"Untrained model": linear(),
                                     "Dataset": Table(ml_frame().drop(columns=["cls"]))}, params)
    assert "explanations" in caplog.text

