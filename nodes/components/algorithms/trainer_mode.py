"""What every learner shares: the Untrained model output, Create trainer mode, and the random number seed."""
from __future__ import annotations

from typing import Any

from nodes.params import Int, Mode, Param, Params

OUTPUT = "Untrained model"
MODE = "Create trainer mode"
SINGLE = "SingleParameter"
RANGE = "ParameterRange"
SINGLE_ONLY = (MODE, (SINGLE,))
RANGE_ONLY = (MODE, (RANGE,))


def trainer_mode(parent: tuple[str, tuple] | None = None) -> Param:
    return Mode(MODE, [SINGLE, RANGE], SINGLE, parent=parent,
                description="One set of values, or ranges that Tune Model Hyperparameters sweeps.")


def random_seed() -> Param:
    return Int("Random number seed", None, min=0, max=2**32 - 1, required=False,
               description="Blank for a different result on each run.")


def chosen(params: Params, single: str, ranged: str) -> Any:
    """The single value, or in ParameterRange mode the first value of the range (as Train Model uses it)."""
    value = params[single]
    return params[ranged][0] if value is None else value
