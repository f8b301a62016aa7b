"""Typed ports (reference §0.1)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class PortType(str, Enum):
    DATAFRAME = "DataFrameDirectory"
    UNTRAINED_MODEL = "UntrainedModelDirectory"
    MODEL = "ModelDirectory"
    TRANSFORMATION = "TransformationDirectory"


@dataclass(frozen=True)
class Port:
    name: str
    type: PortType
    optional: bool = False
    description: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type.value, "optional": self.optional,
                "description": self.description}


def DataFrame(name: str, optional: bool = False, description: str = "") -> Port:  # noqa: N802
    return Port(name, PortType.DATAFRAME, optional, description)


def UntrainedModel(name: str, optional: bool = False, description: str = "") -> Port:  # noqa: N802
    return Port(name, PortType.UNTRAINED_MODEL, optional, description)


def Model(name: str, optional: bool = False, description: str = "") -> Port:  # noqa: N802
    return Port(name, PortType.MODEL, optional, description)


def Transformation(name: str, optional: bool = False, description: str = "") -> Port:  # noqa: N802
    return Port(name, PortType.TRANSFORMATION, optional, description)
