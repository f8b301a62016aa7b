"""Multi-layer perceptrons from their fitted weights: each layer `a @ W + b` through its activation."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.special import expit, softmax
from sklearn.neural_network import MLPClassifier, MLPRegressor

from engine.compiled.kernel import NotCompilable

Predict = Callable[[np.ndarray], np.ndarray]
ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "identity": lambda a: a, "tanh": np.tanh, "logistic": expit, "relu": lambda a: np.maximum(a, 0),
    "softmax": lambda a: softmax(a, axis=1),
}


def _forward(model: Any) -> Predict:
    if model.activation not in ACTIVATIONS or model.out_activation_ not in ACTIVATIONS:
        raise NotCompilable(f'a network with the "{model.activation}" activation')
    layers = list(zip(model.coefs_, model.intercepts_))
    hidden, output = ACTIVATIONS[model.activation], ACTIVATIONS[model.out_activation_]

    def forward(x: np.ndarray) -> np.ndarray:
        for weights, bias in layers[:-1]:
            x = hidden(x @ weights + bias)
        weights, bias = layers[-1]
        return output(x @ weights + bias)

    return forward


def regression(model: MLPRegressor) -> Predict:
    forward = _forward(model)
    return lambda x: forward(x)[:, 0]


def classification(model: MLPClassifier) -> Predict:
    """Class probabilities: softmax outputs, or for two classes the one logistic output and its complement."""
    forward = _forward(model)
    if model.n_outputs_ > 1:
        return forward

    def binary(x: np.ndarray) -> np.ndarray:
        positive = forward(x)[:, 0]
        return np.column_stack([1 - positive, positive])

    return binary


ESTIMATORS: dict[type, Callable[[Any], Predict]] = {MLPRegressor: regression, MLPClassifier: classification}
