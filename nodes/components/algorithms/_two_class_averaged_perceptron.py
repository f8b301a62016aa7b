"""Two-Class Averaged Perceptron on scikit-learn.

The averaged perceptron is `SGDClassifier(loss="perceptron", penalty=None, learning_rate="constant",
average=True)`: Learning rate is `eta0`, Maximum number of iterations `max_iter` (epochs, `tol=None`). The
designer normalises the features to [0, 1] (Min-Max) and calibrates the margin into a probability, here
`CalibratedClassifierCV(method="sigmoid", ensemble=False)` (Platt scaling on cross-validated margins).
"""
from __future__ import annotations

from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import SGDClassifier

from nodes.components.algorithms.learners import SEED
from nodes.components.algorithms.two_class_averaged_perceptron import ITERATIONS, LEARNING_RATE
from nodes.params import Params
from nodes.preparation import MIN_MAX


def estimator(params: Params) -> CalibratedClassifierCV:
    perceptron = SGDClassifier(loss="perceptron", penalty=None, learning_rate="constant", eta0=params[LEARNING_RATE],
                               average=True, max_iter=params[ITERATIONS], tol=None, random_state=params[SEED])
    return CalibratedClassifierCV(perceptron, method="sigmoid", ensemble=False)


def scaler(params: Params) -> str:
    return MIN_MAX
