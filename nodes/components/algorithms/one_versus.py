"""What One-vs-All and One-vs-One Multiclass share: they turn an untrained two-class learner into a multiclass one."""
from __future__ import annotations

from dataclasses import dataclass

from nodes import errors
from nodes.component import Component
from nodes.components.algorithms.learners import OUTPUT
from nodes.context import DesignContext, RunContext
from nodes.lazy import Lazy
from nodes.params import Params
from nodes.ports import UntrainedModel
from nodes.tasks import LearnerSchema, Task

BINARY = "Untrained binary classification model"


def check_binary(name: str, learner: LearnerSchema | None) -> None:
    """Error 0013 unless the connected learner is a two-class classifier."""
    if learner is not None and learner.task is not Task.BINARY:
        raise errors.invalid_learner(BINARY, f'{name} needs a two-class classifier; "{learner.name}" is a '
                                             f"{learner.task.value} learner.")


@dataclass(frozen=True)
class MulticlassFromBinary:
    """`configure` and `run` of a component that wraps a two-class learner with a multiclass `strategy`."""

    name: str
    strategy: str

    def configure(self, ctx: DesignContext, inputs: dict, params: Params) -> dict:
        check_binary(self.name, inputs.get(BINARY))
        return {OUTPUT: LearnerSchema(self.name, Task.MULTICLASS)}

    def run(self, ctx: RunContext, inputs: dict, params: Params) -> dict:
        learner = inputs[BINARY]
        check_binary(self.name, learner.schema)
        return {OUTPUT: Lazy("nodes.components.algorithms._one_versus", "wrap")(learner, self.name, self.strategy)}


def wrapper_component(id: str, name: str, strategy: str, description: str, maps_to: str) -> Component:  # noqa: A002
    wrapper = MulticlassFromBinary(name, strategy)
    return Component(id=id, name=name, category="Machine Learning Algorithms", subcategory="Classification",
                     description=description, inputs=(UntrainedModel(BINARY),), outputs=(UntrainedModel(OUTPUT),),
                     configure=wrapper.configure, run=wrapper.run, maps_to=maps_to)
