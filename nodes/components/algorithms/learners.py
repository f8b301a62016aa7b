"""What every learner's spec shares: the Untrained model output and the random number seed."""
from __future__ import annotations

from nodes.params import Int, Param

OUTPUT = "Untrained model"
SEED = "Random number seed"


def random_seed() -> Param:
    return Int(SEED, None, min=0, max=2**32 - 1, required=False,
               description="Blank for a different result on each run.")
