"""Linear Regression.

Ordinary Least Squares maps to `Ridge(alpha=L2 regularization weight, solver="cholesky")`, also when the weight
is 0: the Cholesky solve runs in BLAS without the GIL (scikit-learn's `LinearRegression` goes through SciPy's
`lstsq`, which holds it for the whole fit and so freezes the app), and falls back to least squares when the
features are collinear. Online Gradient Descent maps to `SGDRegressor` with squared loss and an L2 penalty: the learning rate is
`eta0`, decreasing as `invscaling` (else `constant`), the epochs are `max_iter` (run in full, `tol=None`), and
normalisation asks Train Model to standardise the numeric features.
"""
from __future__ import annotations

from sklearn.linear_model import Ridge, SGDRegressor

from nodes.component import Component
from nodes.components.algorithms.trainer_mode import OUTPUT, RANGE_ONLY, SINGLE_ONLY, chosen, random_seed, trainer_mode
from nodes.context import DesignContext, RunContext
from nodes.models import Learner, LearnerSchema, Task
from nodes.params import Boolean, Float, Int, Mode, ParameterRange, Params
from nodes.ports import UntrainedModel

NAME = "Linear Regression"
METHOD = "Solution method"
OLS = "Ordinary Least Squares"
OGD = "Online Gradient Descent"


def estimator(params: Params):
    """The unfitted scikit-learn regressor for the chosen solution method."""
    if params[METHOD] == OLS:
        alpha, intercept = params["L2 regularization weight"], params["Include intercept term"]
        return Ridge(alpha=alpha, fit_intercept=intercept, solver="cholesky")
    return SGDRegressor(
        loss="squared_error", penalty="l2",
        alpha=chosen(params, "L2 regularization term weight", "Range for L2 regularization term weight"),
        eta0=chosen(params, "Learning rate", "Range for learning rate"),
        learning_rate="invscaling" if params["Decrease learning rate as iterations progress"] else "constant",
        max_iter=chosen(params, "Number of epochs", "Range for number of epochs"), tol=None,
        average=params["Final hypothesis is averaged"], random_state=params["Random number seed"])


def configure(ctx: DesignContext, inputs: dict, params: Params) -> dict:
    return {OUTPUT: LearnerSchema(NAME, Task.REGRESSION)}


def run(ctx: RunContext, inputs: dict, params: Params) -> dict:
    normalize = params[METHOD] == OGD and params["Should input instances be normalized"]
    return {OUTPUT: Learner(NAME, Task.REGRESSION, estimator(params), scale_numeric=normalize)}


ON_OLS = (METHOD, (OLS,))
ON_OGD = (METHOD, (OGD,))

COMPONENT = Component(
    id="linear_regression",
    name=NAME,
    category="Machine Learning Algorithms",
    subcategory="Regression",
    description="A linear regression model, fitted by least squares or online gradient descent.",
    outputs=(UntrainedModel(OUTPUT),),
    params=(
        Mode(METHOD, [OLS, OGD], OLS),
        Float("L2 regularization weight", 0.001, min=0, parent=ON_OLS),
        Boolean("Include intercept term", True, parent=ON_OLS),
        trainer_mode(parent=ON_OGD),
        Float("Learning rate", 0.1, min=0, parent=SINGLE_ONLY, description="Initial step size."),
        ParameterRange("Range for learning rate", "0.025; 0.05; 0.1; 0.2", min=0, parent=RANGE_ONLY),
        Int("Number of epochs", 10, min=1, parent=SINGLE_ONLY),
        ParameterRange("Range for number of epochs", "1; 10; 100", min=1, parent=RANGE_ONLY),
        Float("L2 regularization term weight", 0.001, min=0, parent=SINGLE_ONLY),
        ParameterRange("Range for L2 regularization term weight", "0.001; 0.01; 0.1", min=0, parent=RANGE_ONLY),
        Boolean("Should input instances be normalized", True, parent=ON_OGD),
        Boolean("Final hypothesis is averaged", True, parent=ON_OGD),
        Boolean("Decrease learning rate as iterations progress", True, parent=ON_OGD),
        random_seed(),
    ),
    configure=configure,
    run=run,
)
