"""K-Means Clustering, Train Clustering Model and Assign Data to Clusters: equal to scikit-learn's KMeans, with
the reference's score columns, and refusing models and learners of another kind."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.preprocessing import MinMaxScaler, Normalizer

from nodes.columns import ColumnSelection
from nodes.components.algorithms.k_means_clustering import COMPONENT as K_MEANS
from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.scoring.assign_data_to_clusters import COMPONENT as ASSIGN
from nodes.components.training.train_clustering_model import COMPONENT as TRAIN_CLUSTERING
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.errors import ComponentError
from nodes.models import Task
from nodes.table import Role, Table
from tests.components.ml_data import ml_configure, ml_frame, ml_manual_features, ml_run

ALL = ColumnSelection.all().to_dict()
SCORES = ["Assignments", "DistancesToClusterCenter no.0", "DistancesToClusterCenter no.1",
          "DistancesToClusterCenter no.2"]


def k_means(**values):
    return ml_run(K_MEANS, {}, **{"Random number seed": 5, "Number of centroids": 3, **values})["Untrained model"]


def data() -> Table:
    """Features with gaps and text; `y` marked as the label, so it is never clustered on."""
    return Table(ml_frame(rows=80, seed=2).drop(columns=["cls"]), {"y": Role.LABEL})


def train(learner, table: Table, **values) -> dict:
    return ml_run(TRAIN_CLUSTERING, {"Untrained model": learner, "Dataset": table}, **{"Column set": ALL, **values})


def expected(table: Table, init: str = "k-means++", cosine: bool = False) -> KMeans:
    x, _ = ml_manual_features(table.frame, table.frame)
    x[:, :2] = MinMaxScaler().fit_transform(x[:, :2])
    if cosine:
        x = Normalizer().fit_transform(x)
    return KMeans(n_clusters=3, init=init, n_init=1, max_iter=100, random_state=5).fit(x), x


@pytest.mark.parametrize("values, init, cosine", [({}, "k-means++", False),
                                                  ({"Initialization": "Random"}, "random", False),
                                                  ({"Metric": "Cosine"}, "k-means++", True)])
def test_assignments_and_distances_equal_kmeans(values, init, cosine):
    table = data()
    outputs = train(k_means(**values), table)
    model, results = outputs["Trained model"], outputs["Results dataset"]
    fitted, x = expected(table, init, cosine)
    assert model.task is Task.CLUSTERING and [c.name for c in model.features] == ["x1", "x2", "colour", "size"]
    assert list(results.frame.columns) == [*table.frame.columns, *SCORES]
    assert results.frame["Assignments"].tolist() == fitted.predict(x).tolist()
    np.testing.assert_allclose(results.frame[SCORES[1:]].to_numpy(), fitted.transform(x), rtol=1e-9, atol=1e-12)
    assert results.roles == {"y": Role.LABEL, **dict.fromkeys(SCORES, Role.SCORE)}


def test_default_initialisation_starts_from_the_first_rows():
    table = data()
    results = train(k_means(**{"Initialization": "Default"}), table)["Results dataset"]
    _, x = expected(table)
    fitted = KMeans(n_clusters=3, init=x[:3], n_init=1, max_iter=100).fit(x)
    assert results.frame["Assignments"].tolist() == fitted.predict(x).tolist()


def test_configure_agrees_with_run_and_result_only_returns_the_scores():
    table = data()
    schemas = {"Untrained model": ml_configure(K_MEANS, {}, **{"Number of centroids": 3})["Untrained model"], "Dataset": table.schema}
    designed = ml_configure(TRAIN_CLUSTERING, schemas, **{"Column set": ALL})
    outputs = train(k_means(), table)
    assert designed["Trained model"] == outputs["Trained model"].schema
    assert designed["Results dataset"] == outputs["Results dataset"].schema
    alone = train(k_means(), table, **{"Check for append or uncheck for result only": False})["Results dataset"]
    assert list(alone.frame.columns) == SCORES and alone.frame["Assignments"].dtype == np.int64


def test_column_set_chooses_the_clustered_columns():
    model = train(k_means(), data(), **{"Column set": ColumnSelection.names("x1", "x2", "y").to_dict()})[
        "Trained model"]
    assert [c.name for c in model.features] == ["x1", "x2"]
    with pytest.raises(ComponentError) as error:
        train(k_means(), data(), **{"Column set": ColumnSelection.names("y").to_dict()})
    assert error.value.code == 20


def test_assign_data_to_clusters_scores_new_rows_as_training_did():
    table = data()
    model = train(k_means(), table)["Trained model"]
    new = Table(ml_frame(rows=15, seed=9).drop(columns=["cls", "y"]))
    assigned = ml_run(ASSIGN, {"Trained model": model, "Dataset": new})["Results dataset"]
    fitted, _ = expected(table)
    x_train, x = ml_manual_features(table.frame, new.frame)
    x[:, :2] = MinMaxScaler().fit(x_train[:, :2]).transform(x[:, :2])
    assert assigned.frame["Assignments"].tolist() == fitted.predict(x).tolist()
    np.testing.assert_allclose(assigned.frame[SCORES[1:]].to_numpy(), fitted.transform(x), rtol=1e-9)
    designed = ml_configure(ASSIGN, {"Trained model": model.schema, "Dataset": new.schema})["Results dataset"]
    assert designed == assigned.schema


def test_models_and_learners_of_another_kind_are_refused_with_error_0013():
    table = data()
    linear = ml_run(LINEAR, {})["Untrained model"]
    with pytest.raises(ComponentError) as error:
        train(linear, table)
    assert error.value.code == 13 and "Linear Regression" in error.value.message
    with pytest.raises(ComponentError) as error:
        ml_run(TRAIN, {"Untrained model": k_means(), "Dataset": table}, **{"Label column": "y"})
    assert error.value.code == 13 and "Train Clustering Model" in error.value.message
    supervised = ml_run(TRAIN, {"Untrained model": linear, "Dataset": table}, **{"Label column": "y"})
    with pytest.raises(ComponentError) as error:
        ml_run(ASSIGN, {"Trained model": supervised["Trained model"], "Dataset": table})
    assert error.value.code == 13


@pytest.mark.parametrize("mode", ["Fill missing values", "Overwrite from closest to center"])
def test_assign_label_mode_labels_rows_from_the_row_nearest_their_center(mode):
    frame = ml_frame(rows=80, seed=2).drop(columns=["y"])
    frame.loc[[0, 1, 2], "cls"] = None
    table = Table(frame, {"cls": Role.LABEL})
    outputs = train(k_means(**{"Assign label mode": mode}), table)
    results = outputs["Results dataset"].frame
    distances = results[SCORES[1:]].to_numpy()
    labelled = frame["cls"].notna().to_numpy()
    nearest = [frame["cls"][labelled].iloc[distances[labelled, c].argmin()] for c in range(3)]
    clustered = [nearest[a] for a in results["Assignments"]]
    expected = clustered if mode.startswith("Overwrite") else frame["cls"].where(frame["cls"].notna(),
                                                                                pd.Series(clustered)).tolist()
    assert results["cls"].tolist() == expected and results["cls"].notna().all()
    new = Table(frame.head(10))
    assigned = ml_run(ASSIGN, {"Trained model": outputs["Trained model"], "Dataset": new})["Results dataset"]
    assert assigned.frame["cls"].tolist() == expected[:10]
    ignored = train(k_means(), table)["Results dataset"].frame
    assert ignored["cls"].isna().sum() == 3
