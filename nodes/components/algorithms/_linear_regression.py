"""Linear Regression on scikit-learn.

Ordinary Least Squares maps to `Ridge(alpha=L2 regularization weight, solver="cholesky")`, also when the weight
is 0: the Cholesky solve runs in BLAS without the GIL (scikit-learn's `LinearRegression` goes through SciPy's
`lstsq`, which holds it for the whole fit and so freezes the app), and falls back to least squares when the
features are collinear. Online Gradient Descent maps to `SGDRegressor` with squared loss and an L2 penalty: the
learning rate is `eta0`, decreasing as `invscaling` (else `constant`), the epochs are `max_iter` (run in full,
`tol=None`), and normalisation asks the learner's feature preparation to standardise the numeric features.
"""
from __future__ import annotations

from sklearn.linear_model import Ridge, SGDRegressor

from nodes.components.algorithms.learners import SEED
from nodes.components.algorithms.linear_regression import (
    AVERAGED,
    DECREASE,
    EPOCHS,
    INTERCEPT,
    L2_TERM,
    L2_WEIGHT,
    LEARNING_RATE,
    METHOD,
    NORMALIZE,
    OGD,
    OLS,
)
from nodes.params import Params
from nodes.preparation import GAUSSIAN


def estimator(params: Params) -> Ridge | SGDRegressor:
    """The unfitted scikit-learn regressor for the chosen solution method."""
    if params[METHOD] == OLS:
        return Ridge(alpha=params[L2_WEIGHT], fit_intercept=params[INTERCEPT], solver="cholesky")
    return SGDRegressor(loss="squared_error", penalty="l2", alpha=params[L2_TERM], eta0=params[LEARNING_RATE],
                        learning_rate="invscaling" if params[DECREASE] else "constant",
                        max_iter=params[EPOCHS], tol=None, average=params[AVERAGED], random_state=params[SEED])


def scaler(params: Params) -> str | None:
    return GAUSSIAN if params[METHOD] == OGD and params[NORMALIZE] else None
