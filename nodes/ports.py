"""Typed ports (reference §0.1), each output naming the viewer the app shows its value in."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

TABLE_VIEWER = "table"
EVALUATION_VIEWER = "evaluation"
IMAGES_VIEWER = "images"  # a table of pictures (Name, Image bytes), e.g. the plots a script saved


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
    viewer: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type.value, "optional": self.optional,
                "description": self.description, "viewer": self.viewer}


def DataFrame(name: str, optional: bool = False, description: str = "",  # noqa: N802
              viewer: str | None = TABLE_VIEWER) -> Port:
    """A data set port; its output is shown by `viewer` (a table preview unless the component says otherwise)."""
    return Port(name, PortType.DATAFRAME, optional, description, viewer)


def UntrainedModel(name: str, optional: bool = False, description: str = "") -> Port:  # noqa: N802
    return Port(name, PortType.UNTRAINED_MODEL, optional, description)


def Model(name: str, optional: bool = False, description: str = "") -> Port:  # noqa: N802
    return Port(name, PortType.MODEL, optional, description)


def Transformation(name: str, optional: bool = False, description: str = "") -> Port:  # noqa: N802
    return Port(name, PortType.TRANSFORMATION, optional, description)
