import math

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from nodes.components.algorithms._logistic_regression import MAX_ITER
from nodes.components.algorithms.two_class_logistic_regression import COMPONENT
from nodes.components.scoring.score_model import COMPONENT as SCORE
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.errors import ComponentError
from nodes.models import LearnerSchema, Task
from nodes.table import Table
from tests.components.ml_data import ml_breast_cancer, ml_configure, ml_frame, ml_run


def learner(**values):
    return ml_run(COMPONENT, {}, **values)["Untrained model"]


def test_defaults_map_to_an_even_elastic_net():
    model = learner()
    lr = model.estimator
    assert model.task is Task.BINARY and model.scaler == "Gaussian" and model.allow_unknown_levels
    assert (lr.C, lr.l1_ratio, lr.solver, lr.tol, lr.max_iter) == (0.5, 0.5, "saga", 1e-7, MAX_ITER)


def test_pure_l2_uses_lbfgs_and_no_weights_means_no_penalty():
    lr = learner(**{"L1 regularization weight": 0, "L2 regularization weight": 4}).estimator
    assert (lr.C, lr.l1_ratio, lr.solver) == (0.25, 0.0, "lbfgs")
    assert learner(**{"L1 regularization weight": 0, "L2 regularization weight": 0}).estimator.C == math.inf


def test_parameter_range_mode_takes_first_values():
    lr = learner(**{"Create trainer mode": "ParameterRange", "Random number seed": 5}).estimator
    assert (lr.tol, lr.C, lr.l1_ratio, lr.solver, lr.random_state) == (1e-5, 100.0, 0.0, "lbfgs", 5)


def test_configure():
    schema = ml_configure(COMPONENT, {})["Untrained model"]
    assert schema == LearnerSchema("Two-Class Logistic Regression", Task.BINARY)


@pytest.mark.parametrize("name, value, code", [("Optimization tolerance", 0, 5), ("L1 regularization weight", -1, 5),
                                               ("Memory size for L-BFGS", 0, 5), ("Memory size for L-BFGS", "x", 2)])
def test_bad_parameters_are_refused(name, value, code):
    _, problems = COMPONENT.resolve_params({name: value})
    assert [p.code for p in problems] == [code]


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_breast_cancer_probabilities_match_sklearn():
    frame = ml_breast_cancer()
    model = ml_run(TRAIN, {"Untrained model": learner(**{"Random number seed": 0}), "Dataset": Table(frame)},
                   **{"Label column": "target"})["Trained model"]
    x = frame.drop(columns=["target"])
    expected = LogisticRegression(C=0.5, l1_ratio=0.5, solver="saga", tol=1e-7, max_iter=MAX_ITER, random_state=0)
    expected.fit(StandardScaler().fit_transform(x), frame["target"])
    assert model.classes == ["benign", "malignant"]
    np.testing.assert_allclose(model.pipeline.predict_proba(x), expected.predict_proba(StandardScaler().fit(x)
                                                                                        .transform(x)), atol=1e-9)


def test_unknown_levels_fail_scoring_only_when_not_allowed():
    train = ml_frame().drop(columns=["y"])
    test = train.head(5).assign(colour="purple")
    for allowed in (True, False):
        model = ml_run(TRAIN, {"Untrained model": learner(**{"Allow unknown categorical levels": allowed}),
                               "Dataset": Table(train)}, **{"Label column": "cls"})["Trained model"]
        if allowed:
            scored = ml_run(SCORE, {"Trained model": model, "Dataset": Table(test)})["Scored dataset"]
            assert scored.frame["Scored Probabilities"].between(0, 1).all()
        else:
            with pytest.raises(ComponentError) as error:
                ml_run(SCORE, {"Trained model": model, "Dataset": Table(test)})
            assert error.value.code == 1000 and "purple" in error.value.message
