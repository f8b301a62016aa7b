"""Evaluation metrics over plain arrays, shared by Evaluate Model, the app's threshold slider and the components that
score models they fit (Tune Model Hyperparameters, Cross Validate Model, Permutation Feature Importance)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn import metrics

from nodes.metric_names import BINARY as BINARY  # re-exported: the names live in nodes.metric_names
from nodes.metric_names import CLASSIFICATION as CLASSIFICATION
from nodes.metric_names import COMBINED
from nodes.metric_names import COUNTS as COUNTS
from nodes.metric_names import MULTICLASS as MULTICLASS
from nodes.metric_names import REGRESSION as REGRESSION
from nodes.models import LABELS, PROBABILITIES, THRESHOLD, Task


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator / denominator) if denominator else 0.0


def regression_metrics(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    """MAE, RMSE, relative squared and absolute errors (against predicting the mean) and R² = 1 - RSE."""
    y_true, y_pred = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    error = y_true - y_pred
    spread = y_true - y_true.mean()
    squared = float(np.sum(spread ** 2))
    rse = float(np.sum(error ** 2)) / squared if squared else np.nan
    absolute = float(np.sum(np.abs(spread)))
    return {"Mean_Absolute_Error": float(np.mean(np.abs(error))),
            "Root_Mean_Squared_Error": float(np.sqrt(np.mean(error ** 2))),
            "Relative_Squared_Error": rse,
            "Relative_Absolute_Error": float(np.sum(np.abs(error))) / absolute if absolute else np.nan,
            "Coefficient_of_Determination": 1 - rse}


def binary_counts(y_true: np.ndarray, scores: np.ndarray, threshold: float = 0.5) -> dict[str, int]:
    """TN, FP, FN, TP when a score at or above `threshold` predicts the positive class (`y_true` is boolean)."""
    actual = np.asarray(y_true, dtype=bool)
    predicted = np.asarray(scores, dtype=float) >= threshold
    return {"TN": int(np.sum(~actual & ~predicted)), "FP": int(np.sum(~actual & predicted)),
            "FN": int(np.sum(actual & ~predicted)), "TP": int(np.sum(actual & predicted))}


def binary_metrics(y_true: np.ndarray, scores: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    """AUC, then accuracy, precision, recall, F1 and the confusion counts at `threshold`."""
    c = binary_counts(y_true, scores, threshold)
    precision = _ratio(c["TP"], c["TP"] + c["FP"])
    recall = _ratio(c["TP"], c["TP"] + c["FN"])
    return {"AUC": auc(y_true, scores),
            "Accuracy": _ratio(c["TP"] + c["TN"], sum(c.values())),
            "Precision": precision, "Recall": recall,
            "F1_Score": _ratio(2 * precision * recall, precision + recall), **c}


def auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Area under the ROC curve; NaN when only one class is present."""
    actual = np.asarray(y_true, dtype=bool)
    if actual.all() or not actual.any():
        return float("nan")
    return float(metrics.roc_auc_score(actual, scores))


def roc_curve(y_true: np.ndarray, scores: np.ndarray) -> dict[str, np.ndarray]:
    """False and true positive rates per threshold, from the strictest threshold down."""
    fpr, tpr, thresholds = metrics.roc_curve(np.asarray(y_true, dtype=bool), scores)
    return {"false_positive_rate": fpr, "true_positive_rate": tpr, "threshold": thresholds}


def precision_recall_curve(y_true: np.ndarray, scores: np.ndarray) -> dict[str, np.ndarray]:
    """Precision and recall per threshold (the last point, recall 0 and precision 1, has no threshold)."""
    precision, recall, thresholds = metrics.precision_recall_curve(np.asarray(y_true, dtype=bool), scores)
    return {"precision": precision, "recall": recall, "threshold": thresholds}


def lift_curve(y_true: np.ndarray, scores: np.ndarray) -> dict[str, np.ndarray]:
    """True positives and lift against the fraction of rows predicted positive, one point per distinct score."""
    actual = np.asarray(y_true, dtype=bool)
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    ranked_scores = np.asarray(scores, dtype=float)[order]
    true_positives = np.cumsum(actual[order])
    last_of_tie = np.r_[ranked_scores[1:] != ranked_scores[:-1], True]
    predicted = np.arange(1, len(actual) + 1)[last_of_tie]
    hits = true_positives[last_of_tie]
    base_rate = actual.mean() if len(actual) else 0.0
    lift = np.divide(hits / predicted, base_rate, out=np.zeros(len(hits)), where=base_rate > 0)
    return {"positive_rate": predicted / max(len(actual), 1), "true_positives": hits,
            "lift": lift, "threshold": ranked_scores[last_of_tie]}


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray,
                     labels: list | None = None) -> tuple[np.ndarray, list]:
    """Counts with actual classes as rows and predicted classes as columns, and the class order used."""
    classes = list(labels) if labels is not None else sorted(set(np.asarray(y_true).tolist())
                                                             | set(np.asarray(y_pred).tolist()))
    return metrics.confusion_matrix(y_true, y_pred, labels=classes), classes


def multiclass_metrics(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    """Overall accuracy and micro/macro precision and recall, averaged over the classes seen in either input."""
    matrix, _ = confusion_matrix(y_true, y_pred)
    hits = np.diag(matrix).astype(float)
    predicted, actual = matrix.sum(axis=0), matrix.sum(axis=1)
    per_precision = np.divide(hits, predicted, out=np.zeros_like(hits), where=predicted > 0)
    per_recall = np.divide(hits, actual, out=np.zeros_like(hits), where=actual > 0)
    accuracy = _ratio(hits.sum(), matrix.sum())
    return {"Overall_Accuracy": accuracy, "Micro_Precision": accuracy, "Macro_Precision": float(per_precision.mean()),
            "Micro_Recall": accuracy, "Macro_Recall": float(per_recall.mean())}


def classification_metrics(actual: np.ndarray, probabilities: np.ndarray, classes: list) -> dict[str, float]:
    """Accuracy, precision, recall, F-score, AUC and log losses of `probabilities` (one column per class of
    `classes`, the predicted class the likeliest; of two classes the second is positive, predicted at 0.5).

    Two classes: precision, recall and F-score of the positive class, AUC of its probability. More: their
    macro averages and the one-vs-rest macro AUC. "Train Log Loss" is the log loss's reduction against
    predicting the class frequencies of `actual` (1: perfect, 0: no better, negative: worse).
    """
    actual, probabilities = np.asarray(actual, dtype=object), np.asarray(probabilities, dtype=float)
    binary = len(classes) == 2
    if binary:
        predicted = np.asarray(classes, dtype=object)[(probabilities[:, 1] >= THRESHOLD).astype(int)]
    else:
        predicted = np.asarray(classes, dtype=object)[probabilities.argmax(axis=1)]
    average = {"average": "binary", "pos_label": classes[1]} if binary else {"average": "macro", "labels": classes}
    loss = metrics.log_loss(actual, probabilities, labels=classes)
    frequencies = np.array([np.mean(actual == c) for c in classes])
    prior = metrics.log_loss(actual, np.tile(frequencies, (len(actual), 1)), labels=classes)
    return {"Accuracy": float(metrics.accuracy_score(actual, predicted)),
            "Precision": float(metrics.precision_score(actual, predicted, zero_division=0, **average)),
            "Recall": float(metrics.recall_score(actual, predicted, zero_division=0, **average)),
            "F-score": float(metrics.f1_score(actual, predicted, zero_division=0, **average)),
            "AUC": _classification_auc(actual, probabilities, classes),
            "Average Log Loss": float(loss),
            "Train Log Loss": float(1 - loss / prior) if prior else float("nan")}


def _classification_auc(actual: np.ndarray, probabilities: np.ndarray, classes: list) -> float:
    if len(classes) == 2:
        return auc(actual == classes[1], probabilities[:, 1])
    if len(set(actual.tolist())) < len(classes):
        return float("nan")
    return float(metrics.roc_auc_score(actual, probabilities, multi_class="ovr", labels=classes))


def clustering_metrics(assignments: np.ndarray, distances: np.ndarray) -> dict[str, dict[str, float]]:
    """Per cluster ("Cluster No.<i>") and over all rows (`COMBINED`): the mean distance of its rows to the other
    clusters' centers and to their own, their count, and the largest distance to their own center."""
    assignments, distances = np.asarray(assignments, dtype=int), np.asarray(distances, dtype=float)
    rows = np.arange(len(assignments))
    own = distances[rows, assignments]
    clusters = distances.shape[1]
    other = (distances.sum(axis=1) - own) / (clusters - 1) if clusters > 1 else np.full(len(own), np.nan)
    groups = {f"Cluster No.{i}": assignments == i for i in range(clusters)}
    groups[COMBINED] = np.ones(len(assignments), dtype=bool)
    return {name: {"Average Distance to Other Center": _mean(other[mask]),
                   "Average Distance to Cluster Center": _mean(own[mask]),
                   "Number of Points": float(mask.sum()),
                   "Maximal Distance to Cluster Center": float(own[mask].max()) if mask.any() else float("nan")}
            for name, mask in groups.items()}


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if len(values) else float("nan")


def score_metrics(task: Task, actual: np.ndarray, scores: pd.DataFrame, classes: list) -> dict[str, float]:
    """Regression metrics, or `classification_metrics` over the probability columns a model of `task` appends
    (reference §0.5); a class of `classes` that a model never saw has probability 0."""
    if task is Task.REGRESSION:
        return regression_metrics(np.asarray(actual, dtype=float), scores[LABELS].to_numpy(dtype=float))
    if task is Task.BINARY:
        positive = scores[PROBABILITIES].to_numpy(dtype=float)
        probabilities = np.column_stack([1 - positive, positive])
    else:
        probabilities = scores.reindex(columns=[f"{PROBABILITIES}_{c}" for c in classes], fill_value=0.0)
    return classification_metrics(actual, np.asarray(probabilities, dtype=float), classes)
