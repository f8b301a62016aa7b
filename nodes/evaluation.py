"""Evaluation metrics over plain arrays, shared by Evaluate Model and the app's threshold slider."""
from __future__ import annotations

import numpy as np
from sklearn import metrics

REGRESSION = ("Mean_Absolute_Error", "Root_Mean_Squared_Error", "Relative_Squared_Error",
              "Relative_Absolute_Error", "Coefficient_of_Determination")
BINARY = ("AUC", "Accuracy", "Precision", "Recall", "F1_Score", "TN", "FP", "FN", "TP")
COUNTS = ("TN", "FP", "FN", "TP")
MULTICLASS = ("Overall_Accuracy", "Micro_Precision", "Macro_Precision", "Micro_Recall", "Macro_Recall")


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
