import numpy as np
import pandas as pd
import pytest
from scipy import special

from nodes.columns import ColumnSelection
from nodes.components.transformation.apply_math_operation import BINARY, COMPONENT, FUNCTIONS
from nodes.context import DesignContext, RunContext
from nodes.table import ColumnType, Role, Table
from tests.components.transform_data import error_code, gappy_frame, gappy_table, resolved, run_checked

PICK, MODE = "Column set", "Output mode"


def math(table: Table, category: str, function: str, **values) -> Table:
    return run_checked(COMPONENT, {"Input": table}, {"Category": category, FUNCTIONS[category][0]: function,
                                                     **values})["Result_dataset"]


def data() -> Table:
    return Table(pd.DataFrame({"x": [0.25, 0.5, np.nan, 2.0, -1.5], "n": [1, 2, 3, 4, 5], "s": list("abcde")}),
                 {"n": Role.LABEL})


@pytest.mark.parametrize(("category", "function", "expected"), [
    ("Basic", "Abs", np.abs), ("Basic", "Cuberoot", np.cbrt), ("Basic", "ExpMinus1", np.expm1),
    ("Basic", "Ln", np.log), ("Basic", "Factorial", special.factorial), ("Basic", "Square", np.square),
    ("Rounding", "Ceiling", np.ceil), ("Rounding", "Truncate", np.trunc),
    ("Special", "Erf", special.erf), ("Special", "GammaLn", special.gammaln),
    ("Trigonometric", "SinDegrees", lambda v: np.sin(np.deg2rad(v))), ("Trigonometric", "Tanh", np.tanh),
    ("Trigonometric", "Sign", np.sign),
])
def test_unary_functions_match_numpy_and_scipy(category, function, expected):
    out = math(data(), category, function)
    x = data().frame["x"].to_numpy()
    with np.errstate(all="ignore"):
        assert np.allclose(out.frame[f"{function}(x)"], expected(x), equal_nan=True)
    assert list(out.frame.columns) == ["x", "n", "s", f"{function}(x)", f"{function}(n)"]
    assert out.schema[f"{function}(x)"].type is ColumnType.DOUBLE and out.roles == {"n": Role.LABEL}


@pytest.mark.parametrize(("category", "function", "expected"), [
    ("Operations", "Add", np.add), ("Operations", "Divide", np.divide), ("Basic", "Pow", np.power),
    ("Basic", "Log", lambda a, b: np.log(a) / np.log(b)), ("Rounding", "Mod", np.mod),
    ("Rounding", "RoundDigits", lambda a, b: np.round(a, 1)), ("Compare", "PairMax", np.fmax),
    ("Special", "GammaRegularizedP", lambda a, b: special.gammainc(b, a)),
])
def test_binary_functions_with_a_constant(category, function, expected):
    out = math(data(), category, function, **{"Second argument": 1.0, PICK: ["x"]})
    with np.errstate(all="ignore"):
        assert np.allclose(out.frame[f"{function}(x_1)"], expected(data().frame["x"].to_numpy(), 1.0), equal_nan=True)


def test_comparisons_give_booleans_missing_where_an_argument_is_missing():
    out = math(data(), "Compare", "GreaterThan", **{"Second argument": 0.4, PICK: ["x"], MODE: "ResultOnly"})
    assert list(out.frame.columns) == ["GreaterThan(x_0.4)"]
    assert out.frame.iloc[:, 0].tolist() == [False, True, pd.NA, True, False]
    assert out.schema.columns[0].type is ColumnType.BOOLEAN and out.roles == {}


def test_second_column_set_one_column_or_pairwise_and_inplace():
    table = data()
    out = math(table, "Operations", "Multiply", **{"Second argument type": "ColumnSet", PICK: ["x", "n"],
                                                   "Column set for second argument": ["n"], MODE: "Inplace"})
    frame = table.frame
    assert np.allclose(out.frame["x"], frame["x"] * frame["n"], equal_nan=True)
    assert out.frame["n"].tolist() == (frame["n"] ** 2).astype(float).tolist()
    assert list(out.frame.columns) == ["x", "n", "s"] and out.roles == {"n": Role.LABEL}
    two = Table(frame.assign(y=[1.0, 2.0, 3.0, 4.0, 5.0]))
    pairs = math(two, "Basic", "Hypotenuse", **{"Second argument type": "ColumnSet", PICK: ["x", "n"],
                                                "Column set for second argument": ["n", "y"]})
    assert np.allclose(pairs.frame["Hypotenuse(x_n)"], np.hypot(frame["x"], frame["n"]), equal_nan=True)
    assert np.allclose(pairs.frame["Hypotenuse(n_y)"], np.hypot(frame["n"], two.frame["y"]))


def test_result_names_already_taken_get_a_suffix():
    once = math(data(), "Basic", "Abs", **{PICK: ["x"]})
    twice = math(once, "Basic", "Abs", **{PICK: ["x"]})
    assert list(twice.frame.columns)[-1] == "Abs(x)_1"


def test_every_listed_function_runs():
    for category, (_, names) in FUNCTIONS.items():
        for function in names:
            extra = {"Second argument": 2.0} if function in BINARY else {}
            out = math(data(), category, function, **{PICK: ["x"], MODE: "ResultOnly"}, **extra)
            assert len(out.frame) == 5 and out.frame.shape[1] == 1, function


def test_empty_all_missing_and_boolean_columns():
    assert math(Table(data().frame.iloc[0:0]), "Basic", "Exp").frame.empty
    gaps = math(Table(pd.DataFrame({"g": [np.nan, np.nan]})), "Basic", "Exp")
    assert gaps.frame["Exp(g)"].isna().all()
    flags = math(gappy_table(), "Operations", "Add", **{PICK: ["flag"], "Second argument": 1})
    assert np.allclose(flags.frame["Add(flag_1)"], gappy_frame()["flag"].astype("float64") + 1, equal_nan=True)


@pytest.mark.parametrize(("values", "code"), [
    ({PICK: ["nope"]}, 1), ({PICK: ["city"]}, 17), ({PICK: ColumnSelection.types("DateTime")}, 11),
    ({"Category": "Operations", "Second argument type": "ColumnSet", PICK: ["num", "count"],
      "Column set for second argument": ["num", "count", "label"]}, 22),
    ({"Category": "Operations", "Second argument type": "ColumnSet",
      "Column set for second argument": ColumnSelection.types("DateTime")}, 11),
])
def test_errors(values, code):
    params = resolved(COMPONENT, values)
    assert error_code(COMPONENT.configure, DesignContext(), {"Input": gappy_table().schema}, params) == code
    assert error_code(COMPONENT.run, RunContext(), {"Input": gappy_table()}, params) == code
