import numpy as np
import pandas as pd
import pytest
from sklearn import metrics

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
