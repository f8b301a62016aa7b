"""Tunable parameters: one declaration per parameter, shown and checked as its single value or its range."""
import pytest

from nodes.component import Component
from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.algorithms.two_class_logistic_regression import COMPONENT as LOGISTIC
from nodes.params import Float, Int, Mode, ParamKind, TrainerMode

OGD = {"Solution method": "Online Gradient Descent"}
RANGE = {"Create trainer mode": "ParameterRange"}


def codes(component, values):
    return [(p.code, p.parameter) for p in component.resolve_params(values)[1]]


def test_ranges_are_stored_under_azure_names():
    ranges = [k for k in LINEAR.param_keys() + LOGISTIC.param_keys() if k.startswith("Range for")]
    assert ranges == ["Range for learning rate", "Range for number of epochs",
                      "Range for L2 regularization term weight", "Range for optimization tolerance",
                      "Range for L1 regularization weight", "Range for L2 regularization weight",
                      "Range for memory size for L-BFGS"]
    assert Float("PCA components", 2, sweep="2; 4").range_key == "Range for PCA components"
    assert Float("The learning rate", 0.1, sweep="0.1", range_name="Range for learning rate").range_key == \
        "Range for learning rate"


def test_single_mode_checks_the_value_and_sweeps_only_it():
    params, problems = LINEAR.resolve_params({**OGD, "Learning rate": 0.3, "Range for learning rate": "x"})
    assert problems == []
    assert params["Learning rate"] == 0.3 and params["Range for learning rate"] is None
    assert params.grid == {"Learning rate": [0.3], "Number of epochs": [10], "L2 regularization term weight": [0.001]}
    assert codes(LINEAR, {**OGD, "Learning rate": -1}) == [(5, "Learning rate")]


def test_range_mode_checks_the_range_and_fits_its_first_value():
    values = {**OGD, **RANGE, "Learning rate": -1, "Range for number of epochs": "5; 50"}
    params, problems = LINEAR.resolve_params(values)
    assert problems == []
    assert params.grid == {"Learning rate": [0.025, 0.05, 0.1, 0.2], "Number of epochs": [5, 50],
                           "L2 regularization term weight": [0.001, 0.01, 0.1]}
    assert params["Learning rate"] == 0.025 and params["Number of epochs"] == 5
    assert all(isinstance(n, int) for n in params.grid["Number of epochs"])
    assert codes(LINEAR, {**OGD, **RANGE, "Range for learning rate": "0.1; -1"}) == [(5, "Range for learning rate")]
    assert codes(LINEAR, {**OGD, **RANGE, "Range for learning rate": "0.1; fast"}) == [(2, "Range for learning rate")]
    assert codes(LINEAR, {**OGD, **RANGE, "Range for number of epochs": "1; 2.5"}) == [
        (2, "Range for number of epochs")]
    assert codes(LINEAR, {**OGD, **RANGE, "Range for number of epochs": " "}) == [(3, "Range for number of epochs")]


def test_tunables_hide_with_their_trainer_mode():
    params, problems = LINEAR.resolve_params({"Range for learning rate": "0.5"})  # Ordinary Least Squares
    assert problems == [] and params.grid == {} and params["Learning rate"] is None
    values = {**OGD, **RANGE}
    learning_rate = LINEAR.param("Learning rate")
    assert LINEAR.shown(learning_rate, {}) is None
    assert LINEAR.shown(learning_rate, OGD) is learning_rate
    assert LINEAR.shown(learning_rate, values) == LINEAR.param("Range for learning rate")
    assert LINEAR.param("Range for learning rate").kind is ParamKind.PARAMETER_RANGE


def test_unknown_parameters_are_refused_but_ranges_are_known():
    assert codes(LOGISTIC, {"Range for L1 regularization weight": "1; 2"}) == []
    assert codes(LOGISTIC, {"Range for nothing": "1"}) == [(2, "Range for nothing")]


def test_the_catalogue_describes_each_range():
    described = {p["name"]: p["range"] for p in LOGISTIC.to_dict()["params"]}
    assert described["Memory size for L-BFGS"] == {"name": "Range for memory size for L-BFGS", "default": "5; 20; 50"}
    assert described["Random number seed"] is None
    assert LOGISTIC.defaults()["Range for L2 regularization weight"] == "0.01; 0.1; 1.0"


def test_at_fixes_a_grid_point():
    params, _ = LOGISTIC.resolve_params(RANGE)
    point = params.at({"L1 regularization weight": 0.1})
    assert point["L1 regularization weight"] == 0.1
    assert point.grid["L1 regularization weight"] == [0.1]
    assert point.grid["L2 regularization weight"] == [0.01, 0.1, 1.0]
    with pytest.raises(KeyError):
        params.at({"Random number seed": 3})


def test_tunable_parameters_need_a_trainer_mode():
    with pytest.raises(ValueError, match="Create trainer mode"):
        Component("x", "X", "Machine Learning Algorithms", "", configure=None, run=None,
                  params=(Int("Depth", 3, sweep="1; 3"),))
    with pytest.raises(ValueError, match="duplicate"):
        Component("x", "X", "Machine Learning Algorithms", "", configure=None, run=None,
                  params=(TrainerMode(), Int("Depth", 3, sweep="1; 3"), Mode("Range for depth", ["a"])))
