"""PCA-Based Anomaly Detection and Train Anomaly Detection Model: reconstruction errors equal to scikit-learn's
decompositions, turned into Scored Labels and Scored Probabilities that Score Model appends."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.preprocessing import MinMaxScaler

from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.algorithms.pca_based_anomaly_detection import COMPONENT as PCA_ANOMALY
from nodes.components.scoring.score_model import COMPONENT as SCORE
from nodes.components.training.train_anomaly_detection_model import COMPONENT as TRAIN_ANOMALY
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.errors import ComponentError
from nodes.models import Task
from nodes.table import ColumnType, Role, Table
from tests.components.ml_data import ml_configure, ml_frame, ml_manual_features, ml_run


def detector(**values):
    return ml_run(PCA_ANOMALY, {}, **values)["Untrained model"]


def data() -> Table:
    return Table(ml_frame(rows=120, seed=4).drop(columns=["y"]), {"cls": Role.LABEL})


def train(learner, table: Table):
    return ml_run(TRAIN_ANOMALY, {"Untrained model": learner, "Dataset": table})["Trained model"]


def encoded(train_frame, test_frame) -> np.ndarray:
    x, x_test = ml_manual_features(train_frame, test_frame)
    scaler = MinMaxScaler().fit(x[:, :2])
    x[:, :2], x_test[:, :2] = scaler.transform(x[:, :2]), scaler.transform(x_test[:, :2])
    return x, x_test


@pytest.mark.parametrize("center, decomposition", [(False, TruncatedSVD), (True, PCA)])
def test_probabilities_follow_the_reconstruction_error(center, decomposition):
    table = data()
    model = train(detector(**{"Enable input feature mean normalization": center,
                              "Number of components to use in PCA": 3}), table)
    test = ml_frame(rows=30, seed=8).drop(columns=["y"])
    test.loc[:4, "x2"] = 50.0  # far outside the training range
    scored = ml_run(SCORE, {"Trained model": model, "Dataset": Table(test)})["Scored dataset"].frame
    x, x_test = encoded(table.frame, test)
    options = {"n_components": 3, "n_oversamples": 2, "random_state": 42}
    fitted = (PCA(svd_solver="randomized", **options) if center else
              TruncatedSVD(algorithm="randomized", **options)).fit(x)

    def errors(rows):
        return np.sum((rows - fitted.inverse_transform(fitted.transform(rows))) ** 2, axis=1)

    reference = np.quantile(errors(x), 0.99)
    expected = errors(x_test) / (errors(x_test) + reference)
    np.testing.assert_allclose(scored["Scored Probabilities"], expected, rtol=1e-9)
    assert scored["Scored Labels"].tolist() == (expected >= 0.5).astype(int).tolist()
    assert scored["Scored Labels"].iloc[:5].eq(1).all()  # the far rows are anomalies


def test_the_model_keeps_the_label_aside_and_configure_agrees():
    table = data()
    model = train(detector(), table)
    assert model.task is Task.ANOMALY_DETECTION and model.label == "cls"
    assert [c.name for c in model.features] == ["x1", "x2", "colour", "size"]
    schemas = {"Untrained model": ml_configure(PCA_ANOMALY, {})["Untrained model"], "Dataset": table.schema}
    designed = ml_configure(TRAIN_ANOMALY, schemas)["Trained model"]
    assert designed == model.schema
    scored = ml_run(SCORE, {"Trained model": model, "Dataset": table})["Scored dataset"]
    scores = ml_configure(SCORE, {"Trained model": designed, "Dataset": table.schema})["Scored dataset"]
    assert scores == scored.schema and scored.roles["cls"] is Role.LABEL
    assert scored.schema["Scored Labels"].type is ColumnType.INTEGER


def test_learners_of_another_kind_are_refused_with_error_0013():
    table = data()
    with pytest.raises(ComponentError) as error:
        train(ml_run(LINEAR, {})["Untrained model"], table)
    assert error.value.code == 13
    with pytest.raises(ComponentError) as error:
        ml_run(TRAIN, {"Untrained model": detector(), "Dataset": table}, **{"Label column": "cls"})
    assert error.value.code == 13 and "Train Anomaly Detection Model" in error.value.message
