"""Apply Math Operation: a math function of numeric columns, alone or with a constant or a second column set."""
from __future__ import annotations

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.lazy import implemented_in
from nodes.output_mode import APPEND, INPLACE, RESULT_ONLY
from nodes.params import ColumnPicker, Float, Mode
from nodes.ports import DataFrame

INPUT = "Input"
OUTPUT = "Result_dataset"
COLUMNS = "Column set"
CATEGORY = "Category"
SECOND_TYPE = "Second argument type"
CONSTANT, COLUMN_SET = "Constant", "ColumnSet"
SECOND_CONSTANT = "Second argument"
SECOND_COLUMNS = "Column set for second argument"
OUTPUT_MODE = "Output mode"

# Function names per category, as the reference lists them; binary ones take the second argument.
FUNCTIONS = {
    "Basic": ("Basic math function", [
        "Abs", "Atan2", "Conj", "Cuberoot", "DoubleFactorial", "Eps", "Exp", "Exp2", "ExpMinus1", "Factorial",
        "Hypotenuse", "ImaginaryPart", "Ln", "LnPlus1", "Log", "Log10", "Log2", "NthRoot", "Pow", "RealPart", "Sqrt",
        "SqrtPi", "Square"]),
    "Compare": ("Comparison function", [
        "EqualTo", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "NotEqualTo", "PairMax",
        "PairMin"]),
    "Operations": ("Arithmetic operation", ["Add", "Divide", "Multiply", "Subtract"]),
    "Rounding": ("Rounding operation", [
        "Ceiling", "CeilingPower2", "Floor", "Mod", "Quotient", "Remainder", "RoundDigits", "RoundDown", "RoundUp",
        "ToEven", "ToMultiple", "ToOdd", "Truncate"]),
    "Special": ("Special math function", [
        "Beta", "BetaLn", "EllipticIntegralE", "EllipticIntegralK", "Erf", "Erfc", "ErfcScaled", "ErfInverse",
        "ExponentialIntegralEin", "Gamma", "GammaLn", "GammaRegularizedP", "GammaRegularizedPInverse",
        "GammaRegularizedQ", "GammaRegularizedQInverse", "Polygamma"]),
    "Trigonometric": ("Trigonometric function", [
        "Acos", "AcosDegrees", "Acosh", "Acot", "AcotDegrees", "Acoth", "Acsc", "AcscDegrees", "Acsch", "Asec",
        "AsecDegrees", "Asech", "Asin", "AsinDegrees", "Asinh", "Atan", "AtanDegrees", "Atanh", "Cos", "CosDegrees",
        "Cosh", "Cot", "CotDegrees", "Coth", "Csc", "CscDegrees", "Csch", "DegreesToRadians", "RadiansToDegrees",
        "Sec", "SecDegrees", "Sech", "Sign", "Sin", "Sinc", "SinDegrees", "Sinh", "Tan", "TanDegrees", "Tanh"]),
}
BINARY = frozenset({"Atan2", "Hypotenuse", "Log", "NthRoot", "Pow", "EqualTo", "GreaterThan", "GreaterThanOrEqualTo",
                    "LessThan", "LessThanOrEqualTo", "NotEqualTo", "PairMax", "PairMin", "Add", "Divide", "Multiply",
                    "Subtract", "Mod", "Quotient", "Remainder", "RoundDigits", "RoundDown", "RoundUp", "ToMultiple",
                    "Beta", "BetaLn", "GammaRegularizedP", "GammaRegularizedPInverse", "GammaRegularizedQ",
                    "GammaRegularizedQInverse", "Polygamma"})
COMPARISONS = frozenset({"EqualTo", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo",
                         "NotEqualTo"})  # give Boolean columns; the other functions give Double ones
_WITH_BINARY = tuple(c for c, (_, names) in FUNCTIONS.items() if BINARY & set(names))

COMPONENT = Component(
    id="apply_math_operation",
    name="Apply Math Operation",
    category="Data Transformation",
    description="Applies a math function to each selected numeric column; binary functions take a constant or a "
                "second column set (one column, or one per selected column). Results are named like Abs(col) or "
                "Add(col_2), appended, in place or alone.",
    inputs=(DataFrame(INPUT),),
    outputs=(DataFrame(OUTPUT),),
    params=(ColumnPicker(COLUMNS, ColumnSelection.types("Numeric")),
            Mode(CATEGORY, list(FUNCTIONS), "Basic"),
            *(Mode(param, names, names[0], parent=(CATEGORY, (category,))) for category, (param, names)
              in FUNCTIONS.items()),
            Mode(SECOND_TYPE, [CONSTANT, COLUMN_SET], CONSTANT, parent=(CATEGORY, _WITH_BINARY),
                 description="Used by the functions that take two arguments."),
            Float(SECOND_CONSTANT, 0.0, parent=(SECOND_TYPE, (CONSTANT,))),
            ColumnPicker(SECOND_COLUMNS, parent=(SECOND_TYPE, (COLUMN_SET,))),
            Mode(OUTPUT_MODE, [APPEND, INPLACE, RESULT_ONLY], APPEND)),
    row_wise=True,
    maps_to="numpy ufuncs and scipy.special (cbrt, expm1, log1p, factorial, factorial2, erf, erfinv, gamma, "
            "gammaln, gammainc, polygamma, ellipe, ellipk, ...) on float64 columns; comparisons give booleans",
    **implemented_in("nodes.components.transformation._apply_math_operation",
                     run_module="nodes.components.transformation._apply_math_operation_run"),
)
