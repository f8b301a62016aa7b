"""The parameters the three Neural Network learners share (regression, two-class, multiclass)."""
from __future__ import annotations

from nodes.components.algorithms.learners import random_seed, unknown_levels
from nodes.params import Boolean, Float, Int, Mode, Param, String, TrainerMode

HIDDEN_LAYERS = "Hidden layer specification"
FULLY_CONNECTED = "Fully-connected case"
HIDDEN_NODES = "Number of hidden nodes"
WEIGHTS_DIAMETER = "The initial learning weights diameter"
LEARNING_RATE = "Learning rate"
MOMENTUM = "The momentum"
NORMALIZER = "The type of normalizer"
NORMALIZERS = ["Binning", "Gaussian", "Min-Max", "Do not normalize"]  # the first three: nodes.preparation.SCALERS
ITERATIONS = "Number of learning iterations"
SHUFFLE = "Shuffle examples"
IMPLEMENTATION = "nodes.components.algorithms._neural_network"


def network_params() -> tuple[Param, ...]:
    return (
        TrainerMode(),
        Mode(HIDDEN_LAYERS, [FULLY_CONNECTED], FULLY_CONNECTED,
             description="Fully-connected hidden layers (custom Net# definitions are not supported)."),
        String(HIDDEN_NODES, "100", description="Nodes per hidden layer; for several layers, a comma-separated list."),
        Float(WEIGHTS_DIAMETER, 0.1, min=1e-300,
              description="Checked; scikit-learn draws the initial weights by Glorot's rule (no effect)."),
        Float(LEARNING_RATE, 0.1, min=1e-300, max=2, sweep="0.1; 0.2; 0.4",
              description="The initial step size of stochastic gradient descent, in (0, 2]."),
        Float(MOMENTUM, 0.0, min=0, max=1),
        Mode(NORMALIZER, NORMALIZERS, "Min-Max"),
        Int(ITERATIONS, 100, min=1, sweep="20; 40; 80; 160"),
        Boolean(SHUFFLE, True, description="Shuffle the rows between iterations."),
        random_seed(),
        unknown_levels(),
    )


def maps_to(estimator: str) -> str:
    return (f'sklearn.neural_network.{estimator}(solver="sgd", learning_rate="adaptive"): Number of hidden nodes -> '
            "hidden_layer_sizes, Learning rate -> learning_rate_init, The momentum -> momentum, Number of learning "
            "iterations -> max_iter, Shuffle examples -> shuffle, Random number seed -> random_state; The type of "
            "normalizer -> QuantileTransformer (Binning), StandardScaler (Gaussian) or MinMaxScaler (Min-Max) on the "
            "numeric features; The initial learning weights diameter has no counterpart (no effect).")
