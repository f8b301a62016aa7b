"""Neural Network learners on scikit-learn's multi-layer perceptrons.

As in Azure's own port, the network is `MLPRegressor` / `MLPClassifier` trained by stochastic gradient descent
with an adaptive learning rate: Number of hidden nodes gives `hidden_layer_sizes` ("100", or "64, 32" for two
layers), Learning rate is `learning_rate_init`, The momentum `momentum`, Number of learning iterations `max_iter`
(epochs), Shuffle examples `shuffle`. The type of normalizer picks the scaler the learner's feature preparation
puts on the numeric features. The initial learning weights diameter has no scikit-learn counterpart.
"""
from __future__ import annotations

from sklearn.neural_network import MLPClassifier, MLPRegressor

from nodes import errors
from nodes.components.algorithms.learners import SEED
from nodes.components.algorithms.neural_network import (
    HIDDEN_NODES,
    ITERATIONS,
    LEARNING_RATE,
    MOMENTUM,
    NORMALIZER,
    SHUFFLE,
)
from nodes.params import Params
from nodes.preparation import SCALERS


def hidden_layers(text: str) -> tuple[int, ...]:
    """ "100" or "64, 32" as layer sizes; error 0002 for anything else."""
    try:
        sizes = tuple(int(part) for part in text.replace(";", ",").split(","))
    except ValueError:
        sizes = ()
    if not sizes or min(sizes) < 1:
        raise errors.parameter_parsing(HIDDEN_NODES, text, "comma-separated positive whole numbers")
    return sizes


def _settings(params: Params) -> dict:
    return {"hidden_layer_sizes": hidden_layers(params[HIDDEN_NODES]), "solver": "sgd",
            "learning_rate": "adaptive", "learning_rate_init": params[LEARNING_RATE], "momentum": params[MOMENTUM],
            "max_iter": params[ITERATIONS], "shuffle": params[SHUFFLE], "random_state": params[SEED]}


def regressor(params: Params) -> MLPRegressor:
    return MLPRegressor(**_settings(params))


def classifier(params: Params) -> MLPClassifier:
    return MLPClassifier(**_settings(params))


def scaler(params: Params) -> str | None:
    return params[NORMALIZER] if params[NORMALIZER] in SCALERS else None
