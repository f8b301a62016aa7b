"""Linear Regression: least squares, or online gradient descent with tunable learning rate, epochs and L2 weight."""
from __future__ import annotations

from nodes.components.algorithms.learners import learner_component, random_seed, unknown_levels
from nodes.params import Boolean, Float, Int, Mode, TrainerMode
from nodes.tasks import Task

NAME = "Linear Regression"
METHOD = "Solution method"
OLS = "Ordinary Least Squares"
OGD = "Online Gradient Descent"
L2_WEIGHT = "L2 regularization weight"
INTERCEPT = "Include intercept term"
LEARNING_RATE = "Learning rate"
EPOCHS = "Number of epochs"
L2_TERM = "L2 regularization term weight"
NORMALIZE = "Should input instances be normalized"
AVERAGED = "Final hypothesis is averaged"
DECREASE = "Decrease learning rate as iterations progress"
ON_OLS = (METHOD, (OLS,))
ON_OGD = (METHOD, (OGD,))

COMPONENT = learner_component(
    "linear_regression", NAME, Task.REGRESSION,
    "A linear regression model, fitted by least squares or online gradient descent.",
    (
        Mode(METHOD, [OLS, OGD], OLS),
        Float(L2_WEIGHT, 0.001, min=0, parent=ON_OLS),
        Boolean(INTERCEPT, True, parent=ON_OLS),
        TrainerMode(parent=ON_OGD),
        Float(LEARNING_RATE, 0.1, min=0, sweep="0.025; 0.05; 0.1; 0.2", description="Initial step size."),
        Int(EPOCHS, 10, min=1, sweep="1; 10; 100"),
        Float(L2_TERM, 0.001, min=0, sweep="0.001; 0.01; 0.1"),
        Boolean(NORMALIZE, True, parent=ON_OGD),
        Boolean(AVERAGED, True, parent=ON_OGD),
        Boolean(DECREASE, True, parent=ON_OGD),
        random_seed(),
        unknown_levels(),
    ),
    "nodes.components.algorithms._linear_regression",
    'Ordinary Least Squares: sklearn.linear_model.Ridge(solver="cholesky"): L2 regularization weight -> alpha, '
    "Include intercept term -> fit_intercept. Online Gradient Descent: sklearn.linear_model.SGDRegressor("
    'loss="squared_error", penalty="l2", tol=None): Learning rate -> eta0, Number of epochs -> max_iter, L2 '
    'regularization term weight -> alpha, Final hypothesis is averaged -> average, Decrease learning rate -> '
    'learning_rate="invscaling" (else "constant"), Should input instances be normalized -> StandardScaler on the '
    "numeric features, Random number seed -> random_state.",
)
