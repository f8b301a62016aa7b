"""Two-Class Support Vector Machine on scikit-learn.

The designer's linear SVM is Pegasos: stochastic sub-gradient descent on the hinge loss with an L2 penalty
`lambda/2·|w|²` and the step `1/(lambda·t)`. That is `SGDClassifier(loss="hinge", penalty="l2",
alpha=lambda, learning_rate="optimal")`, run for Number of iterations epochs (`max_iter`, `tol=None`). Project to
the unit-sphere scales each row to unit length (`Normalizer`) first. Scored Probabilities come from Platt
scaling, as in the designer: `CalibratedClassifierCV(method="sigmoid", ensemble=False)` fits the sigmoid on
cross-validated margins and the SVM on every row.
"""
from __future__ import annotations

from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import SGDClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import Normalizer

from nodes.components.algorithms.learners import SEED
from nodes.components.algorithms.two_class_support_vector_machine import ITERATIONS, LAMBDA, NORMALIZE, PROJECT
from nodes.params import Params
from nodes.preparation import MIN_MAX


def estimator(params: Params) -> CalibratedClassifierCV | Pipeline:
    svm = SGDClassifier(loss="hinge", penalty="l2", alpha=params[LAMBDA], learning_rate="optimal",
                        max_iter=params[ITERATIONS], tol=None, random_state=params[SEED])
    calibrated = CalibratedClassifierCV(svm, method="sigmoid", ensemble=False)
    return Pipeline([("unit", Normalizer()), ("model", calibrated)]) if params[PROJECT] else calibrated


def scaler(params: Params) -> str | None:
    return MIN_MAX if params[NORMALIZE] else None
