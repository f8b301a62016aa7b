"""Two-Class Averaged Perceptron: a linear classifier whose weights average every perceptron update."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component, random_seed, unknown_levels
from nodes.params import Float, Int, TrainerMode
from nodes.tasks import Task

LEARNING_RATE = "Learning rate"
ITERATIONS = "Maximum number of iterations"

COMPONENT = learner_component(
    "two_class_averaged_perceptron", "Two-Class Averaged Perceptron", Task.BINARY,
    "A fast linear classifier for two classes: the perceptron, with its weights averaged over all updates.",
    (
        TrainerMode(),
        Float(LEARNING_RATE, 1.0, min=1e-300, sweep="0.1; 0.5; 1.0", description="The step size of each update."),
        Int(ITERATIONS, 10, min=1, sweep="1; 10", description="Passes over the training data."),
        random_seed(),
        unknown_levels(),
    ),
    "nodes.components.algorithms._two_class_averaged_perceptron",
    'sklearn.calibration.CalibratedClassifierCV(sklearn.linear_model.SGDClassifier(loss="perceptron", '
    'penalty=None, learning_rate="constant", average=True, tol=None), method="sigmoid", ensemble=False): Learning '
    "rate -> eta0, Maximum number of iterations -> max_iter, Random number seed -> random_state; numeric features "
    "rescaled by MinMaxScaler; probabilities by Platt scaling.",
)
