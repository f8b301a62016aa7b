"""Two-class linear classifiers with Platt scaling (`CalibratedClassifierCV(method="sigmoid")` around an
`SGDClassifier`: the designer's SVM and averaged perceptron): the margin `X @ coef + intercept` through each
fitted sigmoid, averaged over the calibrated classifiers."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import SGDClassifier

from engine.compiled.kernel import NotCompilable

Predict = Callable[[np.ndarray], np.ndarray]


def _sigmoid(calibrated: Any) -> Predict:
    """One calibrated classifier: the probability of the second class, as scikit-learn computes it."""
    model, calibrators = calibrated.estimator, calibrated.calibrators
    if type(model) is not SGDClassifier or len(calibrators) != 1 or not hasattr(calibrators[0], "a_"):
        raise NotCompilable("a calibrated classifier other than a sigmoid around a linear one")
    coef, intercept = model.coef_[0], model.intercept_[0]
    a, b = calibrators[0].a_, calibrators[0].b_

    def positive(x: np.ndarray) -> np.ndarray:
        probability = expit(-(a * (x @ coef + intercept) + b))
        probability[(1.0 < probability) & (probability <= 1.0 + 1e-5)] = 1.0
        return probability

    return positive


def calibrated_classification(model: CalibratedClassifierCV) -> Predict:
    if model.method != "sigmoid" or len(model.classes_) != 2:
        raise NotCompilable(f'calibration by "{model.method}" or of more than two classes')
    parts = [_sigmoid(c) for c in model.calibrated_classifiers_]

    def probabilities(x: np.ndarray) -> np.ndarray:
        positive = sum(part(x) for part in parts) / len(parts)
        return np.column_stack([1.0 - positive, positive])

    return probabilities


ESTIMATORS: dict[type, Callable[[Any], Predict]] = {CalibratedClassifierCV: calibrated_classification}
