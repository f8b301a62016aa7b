"""The functions of Apply Math Operation as NumPy / SciPy calls on float64 arrays: `x` is the column, `y` the
second argument (Log's base, NthRoot's n, the number of digits of RoundDigits, Polygamma's order, the shape `a`
of the regularized gamma functions); the comparisons (`COMPARE`) give booleans."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import special

RADIANS = np.pi / 180
DEGREES = 180 / np.pi


def _digits(f: Callable) -> Callable:
    """Rounding to `y` decimal digits with `f` (floor or ceil)."""
    return lambda x, y: f(x * 10.0 ** y) / 10.0 ** y


COMPARE: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "EqualTo": np.equal, "GreaterThan": np.greater, "GreaterThanOrEqualTo": np.greater_equal, "LessThan": np.less,
    "LessThanOrEqualTo": np.less_equal, "NotEqualTo": np.not_equal,
}

UNARY: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "Abs": np.abs, "Conj": lambda x: x, "Cuberoot": np.cbrt, "DoubleFactorial": lambda x: np.where(np.isnan(x), np.nan, special.factorial2(
        np.nan_to_num(x).astype(np.int64))),
    "Eps": lambda x: np.spacing(np.abs(x)), "Exp": np.exp, "Exp2": np.exp2, "ExpMinus1": np.expm1,
    "Factorial": special.factorial, "ImaginaryPart": lambda x: x * 0.0, "Ln": np.log, "LnPlus1": np.log1p,
    "Log10": np.log10, "Log2": np.log2, "RealPart": lambda x: x, "Sqrt": np.sqrt, "SqrtPi": lambda x: np.sqrt(np.pi * x),
    "Square": np.square,
    "Ceiling": np.ceil, "CeilingPower2": lambda x: np.exp2(np.ceil(np.log2(x))), "Floor": np.floor,
    "ToEven": lambda x: 2 * np.round(x / 2), "ToOdd": lambda x: 2 * np.floor(x / 2) + 1, "Truncate": np.trunc,
    "EllipticIntegralE": special.ellipe, "EllipticIntegralK": special.ellipk, "Erf": special.erf,
    "Erfc": special.erfc, "ErfcScaled": special.erfcx, "ErfInverse": special.erfinv,
    "ExponentialIntegralEin": lambda x: np.where(x == 0, 0.0, special.exp1(x) + np.log(np.abs(x)) + np.euler_gamma),
    "Gamma": special.gamma, "GammaLn": special.gammaln,
    "Acos": np.arccos, "AcosDegrees": lambda x: np.arccos(x) * DEGREES, "Acosh": np.arccosh,
    "Acot": lambda x: np.arctan(1 / x), "AcotDegrees": lambda x: np.arctan(1 / x) * DEGREES,
    "Acoth": lambda x: np.arctanh(1 / x), "Acsc": lambda x: np.arcsin(1 / x),
    "AcscDegrees": lambda x: np.arcsin(1 / x) * DEGREES, "Acsch": lambda x: np.arcsinh(1 / x),
    "Asec": lambda x: np.arccos(1 / x), "AsecDegrees": lambda x: np.arccos(1 / x) * DEGREES,
    "Asech": lambda x: np.arccosh(1 / x), "Asin": np.arcsin, "AsinDegrees": lambda x: np.arcsin(x) * DEGREES,
    "Asinh": np.arcsinh, "Atan": np.arctan, "AtanDegrees": lambda x: np.arctan(x) * DEGREES, "Atanh": np.arctanh,
    "Cos": np.cos, "CosDegrees": lambda x: np.cos(x * RADIANS), "Cosh": np.cosh, "Cot": lambda x: 1 / np.tan(x),
    "CotDegrees": lambda x: 1 / np.tan(x * RADIANS), "Coth": lambda x: 1 / np.tanh(x), "Csc": lambda x: 1 / np.sin(x),
    "CscDegrees": lambda x: 1 / np.sin(x * RADIANS), "Csch": lambda x: 1 / np.sinh(x),
    "DegreesToRadians": np.deg2rad, "RadiansToDegrees": np.rad2deg, "Sec": lambda x: 1 / np.cos(x),
    "SecDegrees": lambda x: 1 / np.cos(x * RADIANS), "Sech": lambda x: 1 / np.cosh(x), "Sign": np.sign,
    "Sin": np.sin, "Sinc": np.sinc, "SinDegrees": lambda x: np.sin(x * RADIANS), "Sinh": np.sinh, "Tan": np.tan,
    "TanDegrees": lambda x: np.tan(x * RADIANS), "Tanh": np.tanh,
}

BINARY: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "Atan2": np.arctan2, "Hypotenuse": np.hypot, "Log": lambda x, y: np.log(x) / np.log(y),
    "NthRoot": lambda x, y: np.power(x, 1 / y), "Pow": np.power,
    "PairMax": np.fmax, "PairMin": np.fmin,
    "Add": np.add, "Divide": np.divide, "Multiply": np.multiply, "Subtract": np.subtract,
    "Mod": np.mod, "Quotient": lambda x, y: np.trunc(x / y), "Remainder": lambda x, y: x - np.round(x / y) * y,
    "RoundDigits": _digits(np.round),
    "RoundDown": _digits(np.floor), "RoundUp": _digits(np.ceil), "ToMultiple": lambda x, y: np.round(x / y) * y,
    "Beta": special.beta, "BetaLn": special.betaln, "GammaRegularizedP": lambda x, y: special.gammainc(y, x),
    "GammaRegularizedPInverse": lambda x, y: special.gammaincinv(y, x),
    "GammaRegularizedQ": lambda x, y: special.gammaincc(y, x),
    "GammaRegularizedQInverse": lambda x, y: special.gammainccinv(y, x),
    "Polygamma": lambda x, y: special.polygamma(y, x),
}
