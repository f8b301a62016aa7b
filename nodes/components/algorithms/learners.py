"""What every learner's spec shares: the Untrained model output, the seed, the unknown-levels flag and the
component factory that turns a name, task, parameters and implementation module into a learner component."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nodes.component import Component
from nodes.context import DesignContext, RunContext
from nodes.lazy import Lazy
from nodes.params import Boolean, Int, Param, Params
from nodes.ports import UntrainedModel
from nodes.tasks import LearnerSchema, Task

OUTPUT = "Untrained model"
SEED = "Random number seed"
UNKNOWN_LEVELS = "Allow unknown categorical levels"
SUBCATEGORIES = {Task.REGRESSION: "Regression", Task.QUANTILE_REGRESSION: "Regression",
                 Task.BINARY: "Classification", Task.MULTICLASS: "Classification", Task.CLUSTERING: "Clustering",
                 Task.ANOMALY_DETECTION: "Anomaly Detection"}


def random_seed() -> Param:
    return Int(SEED, None, min=0, max=2**32 - 1, required=False,
               description="Blank for a different result on each run.")


def unknown_levels(name: str = UNKNOWN_LEVELS) -> Param:
    return Boolean(name, True, description="Levels of a categorical feature not seen in training score as none "
                                           "of the known levels; when off, they fail scoring.")


@dataclass(frozen=True)
class LearnerOutput:
    """`configure` and `run` of a learner component: its schema, and the `nodes.learner.Learner` whose estimator
    the function `estimator` of the `implementation` module builds (see `nodes.learner.untrained`). `classes` gives
    the output levels known before training from the parameters (clusters, quantiles), None when not known."""

    name: str
    task: Task
    implementation: str
    estimator: str = "estimator"
    unknown_levels: str | None = None
    classes: Callable[[Params], tuple] | None = None  # a module-level function, so that it pickles

    def configure(self, ctx: DesignContext, inputs: dict, params: Params) -> dict:
        return {OUTPUT: LearnerSchema(self.name, self.task, self.classes(params) if self.classes else None)}

    def run(self, ctx: RunContext, inputs: dict, params: Params) -> dict:
        return {OUTPUT: Lazy("nodes.learner", "untrained")(self.name, self.task, self.implementation, self.estimator,
                                                          params, self.unknown_levels)}


def learner_component(id: str, name: str, task: Task, description: str, params: tuple[Param, ...],  # noqa: A002
                      implementation: str, maps_to: str, *, estimator: str = "estimator",
                      unknown: str | None = UNKNOWN_LEVELS,
                      classes: Callable[[Params], tuple] | None = None) -> Component:
    """A Machine Learning Algorithms component with no inputs and one Untrained model output, made by the function
    `estimator` of the `implementation` module (see `LearnerOutput`)."""
    output = LearnerOutput(name, task, implementation, estimator, unknown, classes)
    return Component(id=id, name=name, category="Machine Learning Algorithms", subcategory=SUBCATEGORIES[task],
                     description=description, outputs=(UntrainedModel(OUTPUT),), params=params,
                     configure=output.configure, run=output.run, maps_to=maps_to)
