"""Two-Class Support Vector Machine: a linear SVM trained by stochastic sub-gradient descent (Pegasos)."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component, random_seed, unknown_levels
from nodes.params import Boolean, Float, Int, TrainerMode
from nodes.tasks import Task

ITERATIONS = "Number of iterations"
LAMBDA = "Lambda"
NORMALIZE = "Normalize features"
PROJECT = "Project to the unit-sphere"

COMPONENT = learner_component(
    "two_class_support_vector_machine", "Two-Class Support Vector Machine", Task.BINARY,
    "A linear support vector machine that separates two classes with the widest margin.",
    (
        TrainerMode(),
        Int(ITERATIONS, 10, min=1, sweep="1; 10; 100", description="Passes over the training data."),
        Float(LAMBDA, 0.001, min=1e-300, sweep="0.00001; 0.0001; 0.001; 0.01; 0.1",
              description="The regularisation weight (> 0)."),
        Boolean(NORMALIZE, True, description="Rescale the numeric features to [0, 1] before training."),
        Boolean(PROJECT, False, description="Scale each row to unit length before training."),
        random_seed(),
        unknown_levels(),
    ),
    "nodes.components.algorithms._two_class_support_vector_machine",
    'sklearn.calibration.CalibratedClassifierCV(sklearn.linear_model.SGDClassifier(loss="hinge", penalty="l2", '
    'learning_rate="optimal", tol=None), method="sigmoid", ensemble=False): Lambda -> alpha, Number of iterations '
    "-> max_iter, Random number seed -> random_state; Normalize features -> MinMaxScaler on the numeric features; "
    "Project to the unit-sphere -> sklearn.preprocessing.Normalizer; probabilities by Platt scaling.",
)
