import math

import numpy as np
import pytest
from sklearn import metrics

from nodes import evaluation

RNG = np.random.default_rng(4)
ACTUAL = RNG.random(200) < 0.4
SCORES = np.clip(ACTUAL * 0.3 + RNG.random(200) * 0.7, 0, 1).round(2)


def test_regression_metrics_match_sklearn():
    y = RNG.normal(size=50)
    pred = y + RNG.normal(scale=0.3, size=50)
    m = evaluation.regression_metrics(y, pred)
    assert list(m) == list(evaluation.REGRESSION)
    assert m["Mean_Absolute_Error"] == pytest.approx(metrics.mean_absolute_error(y, pred))
    assert m["Root_Mean_Squared_Error"] == pytest.approx(metrics.root_mean_squared_error(y, pred))
    assert m["Coefficient_of_Determination"] == pytest.approx(metrics.r2_score(y, pred))
    assert m["Relative_Squared_Error"] == pytest.approx(1 - metrics.r2_score(y, pred))
    assert m["Relative_Absolute_Error"] == pytest.approx(np.abs(y - pred).sum() / np.abs(y - y.mean()).sum())


def test_constant_target_has_undefined_relative_errors():
    m = evaluation.regression_metrics(np.ones(3), np.array([1.0, 2.0, 3.0]))
    assert math.isnan(m["Relative_Squared_Error"]) and math.isnan(m["Relative_Absolute_Error"])


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8])
def test_binary_metrics_match_sklearn(threshold):
    m = evaluation.binary_metrics(ACTUAL, SCORES, threshold)
    predicted = SCORES >= threshold
    assert list(m) == list(evaluation.BINARY)
    assert m["AUC"] == pytest.approx(metrics.roc_auc_score(ACTUAL, SCORES))
    assert m["Accuracy"] == pytest.approx(metrics.accuracy_score(ACTUAL, predicted))
    assert m["Precision"] == pytest.approx(metrics.precision_score(ACTUAL, predicted))
    assert m["Recall"] == pytest.approx(metrics.recall_score(ACTUAL, predicted))
    assert m["F1_Score"] == pytest.approx(metrics.f1_score(ACTUAL, predicted))
    tn, fp, fn, tp = metrics.confusion_matrix(ACTUAL, predicted).ravel()
    assert (m["TN"], m["FP"], m["FN"], m["TP"]) == (tn, fp, fn, tp)


def test_no_predicted_positives_gives_zero_precision_and_one_class_gives_nan_auc():
    m = evaluation.binary_metrics(ACTUAL, SCORES, threshold=2.0)
    assert m["Precision"] == 0 and m["F1_Score"] == 0 and m["TP"] == 0
    assert math.isnan(evaluation.auc(np.ones(3, bool), np.array([0.1, 0.2, 0.3])))


def test_curves_match_sklearn():
    roc = evaluation.roc_curve(ACTUAL, SCORES)
    fpr, tpr, thresholds = metrics.roc_curve(ACTUAL, SCORES)
    np.testing.assert_array_equal(roc["false_positive_rate"], fpr)
    np.testing.assert_array_equal(roc["true_positive_rate"], tpr)
    np.testing.assert_array_equal(roc["threshold"], thresholds)
    pr = evaluation.precision_recall_curve(ACTUAL, SCORES)
    precision, recall, _ = metrics.precision_recall_curve(ACTUAL, SCORES)
    np.testing.assert_array_equal(pr["precision"], precision)
    np.testing.assert_array_equal(pr["recall"], recall)


def test_lift_curve_counts_true_positives_at_each_threshold():
    lift = evaluation.lift_curve(ACTUAL, SCORES)
    for rate, hits, threshold, ratio in zip(lift["positive_rate"], lift["true_positives"], lift["threshold"],
                                            lift["lift"]):
        counts = evaluation.binary_counts(ACTUAL, SCORES, threshold)
        assert hits == counts["TP"]
        assert rate == pytest.approx((counts["TP"] + counts["FP"]) / len(ACTUAL))
        assert ratio == pytest.approx(counts["TP"] / (counts["TP"] + counts["FP"]) / ACTUAL.mean())
    assert lift["positive_rate"][-1] == 1 and lift["lift"][-1] == pytest.approx(1)


def test_confusion_matrix_and_multiclass_metrics_match_sklearn():
    y = RNG.choice(["a", "b", "c"], size=100)
    pred = np.where(RNG.random(100) < 0.7, y, RNG.choice(["a", "b", "c", "d"], size=100))
    matrix, classes = evaluation.confusion_matrix(y, pred)
    assert classes == ["a", "b", "c", "d"]
    np.testing.assert_array_equal(matrix, metrics.confusion_matrix(y, pred, labels=classes))
    m = evaluation.multiclass_metrics(y, pred)
    assert list(m) == list(evaluation.MULTICLASS)
    assert m["Overall_Accuracy"] == pytest.approx(metrics.accuracy_score(y, pred))
    for average in ("micro", "macro"):
        assert m[f"{average.title()}_Precision"] == pytest.approx(
            metrics.precision_score(y, pred, average=average, zero_division=0))
        assert m[f"{average.title()}_Recall"] == pytest.approx(
            metrics.recall_score(y, pred, average=average, zero_division=0))


@pytest.mark.parametrize("classes", [["no", "yes"], ["a", "b", "c"]])
def test_classification_metrics_from_probabilities_match_sklearn(classes):
    y = RNG.choice(classes, size=120)
    probabilities = RNG.dirichlet(np.ones(len(classes)), size=120)
    probabilities[np.arange(120), [classes.index(v) for v in y]] += 0.3
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    m = evaluation.classification_metrics(y, probabilities, classes)
    assert list(m) == list(evaluation.CLASSIFICATION)
    if len(classes) == 2:
        predicted = np.where(probabilities[:, 1] >= 0.5, classes[1], classes[0])
        average = {"pos_label": classes[1]}
        assert m["AUC"] == pytest.approx(metrics.roc_auc_score(y == classes[1], probabilities[:, 1]), abs=1e-12)
    else:
        predicted = np.asarray(classes)[probabilities.argmax(axis=1)]
        average = {"average": "macro"}
        assert m["AUC"] == pytest.approx(metrics.roc_auc_score(y, probabilities, multi_class="ovr"), abs=1e-12)
    assert m["Accuracy"] == pytest.approx(metrics.accuracy_score(y, predicted), abs=1e-12)
    assert m["Precision"] == pytest.approx(metrics.precision_score(y, predicted, **average), abs=1e-12)
    assert m["Recall"] == pytest.approx(metrics.recall_score(y, predicted, **average), abs=1e-12)
    assert m["F-score"] == pytest.approx(metrics.f1_score(y, predicted, **average), abs=1e-12)
    loss = metrics.log_loss(y, probabilities, labels=classes)
    assert m["Average Log Loss"] == pytest.approx(loss, abs=1e-12)
    frequencies = [np.mean(y == c) for c in classes]
    prior = metrics.log_loss(y, np.tile(frequencies, (120, 1)), labels=classes)
    assert m["Train Log Loss"] == pytest.approx(1 - loss / prior, abs=1e-12)


def test_clustering_metrics_of_an_empty_cluster_are_missing():
    found = evaluation.clustering_metrics(np.array([0, 0, 2]), np.array([[1.0, 5.0, 3.0], [2.0, 4.0, 6.0],
                                                                         [7.0, 8.0, 0.5]]))
    assert found["Cluster No.1"]["Number of Points"] == 0
    assert math.isnan(found["Cluster No.1"]["Average Distance to Cluster Center"])
    assert found["Cluster No.0"]["Average Distance to Other Center"] == pytest.approx((5 + 3 + 4 + 6) / 4)
    assert found["Combined Evaluation"]["Maximal Distance to Cluster Center"] == 2.0
