import numpy as np
import pandas as pd
import pytest
from sklearn import metrics
from sklearn.cluster import KMeans

from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.algorithms.two_class_logistic_regression import COMPONENT as LOGISTIC
from nodes.components.scoring.evaluate_model import COMPONENT
from nodes.components.scoring.score_model import COMPONENT as SCORE
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.context import RunContext
from nodes.errors import ComponentError
from nodes.evaluation import BINARY, MULTICLASS, REGRESSION
from nodes.learner import Learner
from nodes.models import Task
from nodes.table import ColumnType, Role, Table
from tests.components.ml_data import ml_breast_cancer, ml_configure, ml_frame, ml_run, plain_logistic

SCORED, COMPARE = "Scored dataset", "Scored dataset to compare"


def scored(learner, table, label, **learner_values):
    if not isinstance(learner, Learner):
        learner = ml_run(learner, {}, **learner_values)["Untrained model"]
    model = ml_run(TRAIN, {"Untrained model": learner, "Dataset": table}, **{"Label column": label})["Trained model"]
    return ml_run(SCORE, {"Trained model": model, "Dataset": table})["Scored dataset"]


def evaluate(left, right=None, ctx=None):
    return ml_run(COMPONENT, {SCORED: left, COMPARE: right}, ctx)["Evaluation results"]


def configure(left, right=None):
    schemas = {SCORED: left.schema, COMPARE: right.schema if right is not None else None}
    return ml_configure(COMPONENT, schemas)["Evaluation results"]


def regression_scored():
    return scored(LINEAR, Table(ml_frame().drop(columns=["cls"])), "y")


def binary_scored(**values):
    return scored(LOGISTIC, Table(ml_breast_cancer()), "target", **values)


def test_regression_metrics_and_comparison():
    left = regression_scored()
    right = scored(LINEAR, Table(ml_frame().drop(columns=["cls"])), "y",
                   **{"Solution method": "Online Gradient Descent", "Random number seed": 1})
    ctx = RunContext()
    result = evaluate(left, right, ctx)
    assert list(result.frame.columns) == list(REGRESSION) and len(result.frame) == 2
    y, pred = left.frame["y"], left.frame["Scored Labels"]
    row = result.frame.iloc[0]
    assert row["Mean_Absolute_Error"] == pytest.approx(metrics.mean_absolute_error(y, pred))
    assert row["Root_Mean_Squared_Error"] == pytest.approx(metrics.root_mean_squared_error(y, pred))
    assert row["Coefficient_of_Determination"] == pytest.approx(metrics.r2_score(y, pred))
    compare_r2 = metrics.r2_score(right.frame["y"], right.frame["Scored Labels"])
    assert result.frame.iloc[1]["Coefficient_of_Determination"] == pytest.approx(compare_r2)
    assert ctx.metrics["Coefficient_of_Determination"] == pytest.approx(row["Coefficient_of_Determination"])
    assert ctx.metrics["Coefficient_of_Determination (compare)"] == pytest.approx(compare_r2)
    assert configure(left, right) == result.schema


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_binary_metrics_use_the_scored_positive_class():
    left = binary_scored(**{"Random number seed": 0})
    result = evaluate(left)
    actual = left.frame["target"] == "malignant"
    probabilities = left.frame["Scored Probabilities"]
    predicted = left.frame["Scored Labels"] == "malignant"
    row = result.frame.iloc[0]
    assert list(result.frame.columns) == list(BINARY)
    assert row["AUC"] == pytest.approx(metrics.roc_auc_score(actual, probabilities))
    assert row["Accuracy"] == pytest.approx(metrics.accuracy_score(actual, predicted))
    assert row["Precision"] == pytest.approx(metrics.precision_score(actual, predicted))
    assert row["Recall"] == pytest.approx(metrics.recall_score(actual, predicted))
    assert row["F1_Score"] == pytest.approx(metrics.f1_score(actual, predicted))
    tn, fp, fn, tp = metrics.confusion_matrix(actual, predicted).ravel()
    assert list(row[["TN", "FP", "FN", "TP"]]) == [tn, fp, fn, tp]
    assert result.schema["TP"].type is ColumnType.INTEGER
    assert configure(left) == result.schema


def test_binary_with_every_row_predicted_negative():
    frame = pd.DataFrame({"label": ["no", "yes", "no"], "Scored Labels": ["no"] * 3,
                          "Scored Probabilities": [0.1, 0.4, 0.2]})
    table = Table(frame, {"label": Role.LABEL, "Scored Labels": Role.SCORE, "Scored Probabilities": Role.SCORE})
    row = evaluate(table).frame.iloc[0]
    assert (row["TN"], row["FN"], row["AUC"]) == (2, 1, 1.0)


def test_multiclass_metrics():
    frame = ml_frame().drop(columns=["y", "colour"]).assign(cls=ml_frame()["colour"].fillna("blue"))
    left = scored(Learner("Multi", Task.MULTICLASS, plain_logistic), Table(frame), "cls")
    result = evaluate(left)
    y, pred = left.frame["cls"], left.frame["Scored Labels"]
    row = result.frame.iloc[0]
    assert list(result.frame.columns) == list(MULTICLASS)
    assert row["Overall_Accuracy"] == pytest.approx(metrics.accuracy_score(y, pred))
    assert row["Macro_Precision"] == pytest.approx(metrics.precision_score(y, pred, average="macro", zero_division=0))
    assert row["Macro_Recall"] == pytest.approx(metrics.recall_score(y, pred, average="macro", zero_division=0))
    assert configure(left) == result.schema


def test_rows_without_a_label_are_skipped():
    left = regression_scored()
    frame = left.frame.copy()
    frame.loc[:4, "y"] = np.nan
    row = evaluate(left.with_frame(frame)).frame.iloc[0]
    kept = frame.iloc[5:]
    assert row["Mean_Absolute_Error"] == pytest.approx(metrics.mean_absolute_error(kept["y"], kept["Scored Labels"]))


def test_no_labelled_row_is_error_0021_for_every_task():
    multiclass = ml_frame().drop(columns=["y", "colour"]).assign(cls=ml_frame()["colour"].fillna("blue"))
    for table in (regression_scored(), binary_scored(),
                  scored(Learner("Multi", Task.MULTICLASS, plain_logistic), Table(multiclass), "cls")):
        with pytest.raises(ComponentError) as error:
            evaluate(table.with_frame(table.frame.iloc[0:0]))
        assert error.value.code == 21


def test_unlabelled_input_is_error_0024():
    left = regression_scored()
    unlabelled = left.with_roles(y=Role.FEATURE)
    for call in (lambda: evaluate(unlabelled), lambda: configure(unlabelled)):
        with pytest.raises(ComponentError) as error:
            call()
        assert error.value.code == 24


def test_unscored_input_is_error_0025():
    table = Table(ml_frame(), {"y": Role.LABEL})
    for call in (lambda: evaluate(table), lambda: configure(table), lambda: evaluate(regression_scored(), table)):
        with pytest.raises(ComponentError) as error:
            call()
        assert error.value.code == 25


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_inputs_of_different_tasks_are_refused():
    left, right = regression_scored(), binary_scored()
    for call in (lambda: evaluate(left, right), lambda: configure(left, right)):
        with pytest.raises(ComponentError) as error:
            call()
        assert SCORED in error.value.message and COMPARE in error.value.message


def test_unknown_left_schema_gives_an_unknown_result():
    assert ml_configure(COMPONENT, {SCORED: None, COMPARE: None})["Evaluation results"] is None


# Every task, to 1e-9 of scikit-learn.
TIGHT = 1e-9


def test_regression_equals_scikit_learn_to_1e_9():
    left = regression_scored()
    y, pred = left.frame["y"], left.frame["Scored Labels"]
    row = evaluate(left).frame.iloc[0]
    assert abs(row["Mean_Absolute_Error"] - metrics.mean_absolute_error(y, pred)) < TIGHT
    assert abs(row["Root_Mean_Squared_Error"] - metrics.root_mean_squared_error(y, pred)) < TIGHT
    assert abs(row["Coefficient_of_Determination"] - metrics.r2_score(y, pred)) < TIGHT
    assert abs(row["Relative_Squared_Error"] - (1 - metrics.r2_score(y, pred))) < TIGHT


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_binary_equals_scikit_learn_to_1e_9():
    left = binary_scored(**{"Random number seed": 0})
    actual = left.frame["target"] == "malignant"
    predicted = left.frame["Scored Labels"] == "malignant"
    row = evaluate(left).frame.iloc[0]
    assert abs(row["AUC"] - metrics.roc_auc_score(actual, left.frame["Scored Probabilities"])) < TIGHT
    for name, metric in (("Accuracy", metrics.accuracy_score), ("Precision", metrics.precision_score),
                         ("Recall", metrics.recall_score), ("F1_Score", metrics.f1_score)):
        assert abs(row[name] - metric(actual, predicted)) < TIGHT, name


def test_multiclass_micro_and_macro_averages_equal_scikit_learn_to_1e_9():
    rng = np.random.default_rng(2)
    actual = rng.choice(["a", "b", "c"], size=300)
    predicted = np.where(rng.random(300) < 0.6, actual, rng.choice(["a", "b", "c"], size=300))
    frame = pd.DataFrame({"label": actual, **{f"Scored Probabilities_{c}": (predicted == c) * 1.0 for c in "abc"},
                          "Scored Labels": predicted})
    roles = {"label": Role.LABEL, **dict.fromkeys(frame.columns[1:], Role.SCORE)}
    row = evaluate(Table(frame, roles)).frame.iloc[0]
    assert abs(row["Overall_Accuracy"] - metrics.accuracy_score(actual, predicted)) < TIGHT
    for average in ("micro", "macro"):
        precision = metrics.precision_score(actual, predicted, average=average, zero_division=0)
        recall = metrics.recall_score(actual, predicted, average=average, zero_division=0)
        assert abs(row[f"{average.title()}_Precision"] - precision) < TIGHT
        assert abs(row[f"{average.title()}_Recall"] - recall) < TIGHT


def clustered(rows=150, k=3, seed=0):
    """A scored clustering table made with scikit-learn directly: assignments and distances to every center."""
    x = pd.DataFrame(np.random.default_rng(seed).normal(size=(rows, 2)), columns=["a", "b"])
    kmeans = KMeans(k, n_init=1, random_state=seed).fit(x)
    distances = kmeans.transform(x)
    frame = x.assign(Assignments=kmeans.predict(x).astype("int64"),
                     **{f"DistancesToClusterCenter no.{i}": distances[:, i] for i in range(k)})
    roles = dict.fromkeys(frame.columns[2:], Role.SCORE)
    return Table(frame, roles), kmeans, x


def test_clustering_rows_per_cluster_and_combined_equal_scikit_learn_distances_to_1e_9():
    table, kmeans, x = clustered()
    result = evaluate(table).frame
    assert list(result.columns) == ["Result Description", "Average Distance to Other Center",
                                    "Average Distance to Cluster Center", "Number of Points",
                                    "Maximal Distance to Cluster Center"]
    assert list(result["Result Description"]) == ["Cluster No.0", "Cluster No.1", "Cluster No.2",
                                                  "Combined Evaluation"]
    labels = kmeans.labels_
    for i in range(3):
        points = x.to_numpy()[labels == i]
        own = metrics.pairwise.euclidean_distances(points, kmeans.cluster_centers_[[i]])[:, 0]
        others = metrics.pairwise.euclidean_distances(points, np.delete(kmeans.cluster_centers_, i, axis=0))
        row = result.iloc[i]
        assert row["Number of Points"] == len(points)
        assert abs(row["Average Distance to Cluster Center"] - own.mean()) < TIGHT
        assert abs(row["Maximal Distance to Cluster Center"] - own.max()) < TIGHT
        assert abs(row["Average Distance to Other Center"] - others.mean()) < TIGHT
    combined = result.iloc[3]
    assert combined["Number of Points"] == 150
    own_all = kmeans.transform(x)[np.arange(150), labels]
    assert abs(combined["Average Distance to Cluster Center"] - own_all.mean()) < TIGHT
    assert configure(table) == evaluate(table).schema


def test_two_clusterings_are_compared_row_block_after_row_block():
    left, right = clustered(seed=0)[0], clustered(k=2, seed=1)[0]
    result = evaluate(left, right).frame
    assert list(result["Result Description"]) == ["Cluster No.0", "Cluster No.1", "Cluster No.2",
                                                  "Combined Evaluation", "Cluster No.0", "Cluster No.1",
                                                  "Combined Evaluation"]


def test_anomaly_detection_gets_the_binary_metrics_to_1e_9():
    rng = np.random.default_rng(3)
    actual = (rng.random(200) < 0.1).astype("int64")
    probabilities = np.clip(actual * 0.5 + rng.random(200) * 0.6, 0, 1)
    frame = pd.DataFrame({"label": actual, "Scored Labels": (probabilities >= 0.5).astype("int64"),
                          "Scored Probabilities": probabilities})
    table = Table(frame, {"label": Role.LABEL, "Scored Labels": Role.SCORE, "Scored Probabilities": Role.SCORE})
    row = evaluate(table).frame.iloc[0]
    assert abs(row["AUC"] - metrics.roc_auc_score(actual, probabilities)) < TIGHT
    assert abs(row["Recall"] - metrics.recall_score(actual, probabilities >= 0.5)) < TIGHT
    assert abs(row["Precision"] - metrics.precision_score(actual, probabilities >= 0.5)) < TIGHT
