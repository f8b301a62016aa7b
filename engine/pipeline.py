"""The pipeline document: nodes, edges, pipeline parameters and default compute, as versioned JSON."""
from __future__ import annotations

import ast
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

SCHEMA_VERSION = 3
LOCAL_COMPUTE = "local"
LOCAL_PROCESSES = "local-processes"
MAX_DEPTH = 64
"""How deeply a document may nest lists and objects (a column picker's rules are 6 levels down)."""


class PipelineFormatError(ValueError):
    """The document is not a pipeline: says where (a JSON path) and what is wrong."""


def new_id() -> str:
    return str(uuid.uuid4())


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Node(_Model):
    """One component on the canvas, keyed by a stable UUID."""

    id: str = Field(default_factory=new_id)
    component: str
    version: str = "1.0"
    params: dict[str, Any] = Field(default_factory=dict)
    position: tuple[float, float] = (0.0, 0.0)
    comment: str = ""
    compute: str | None = None
    regenerate: bool = False


class Edge(_Model):
    """A wire from an output port to an input port, both named by node UUID and port name."""

    source: str
    source_port: str
    target: str
    target_port: str


class Backdrop(_Model):
    """A titled frame drawn behind a group of nodes on the canvas; it has no effect on a run."""

    id: str = Field(default_factory=new_id)
    text: str = ""
    position: tuple[float, float] = (0.0, 0.0)
    size: tuple[float, float] = (300.0, 200.0)


class Binding(_Model):
    node: str
    param: str


ParameterKind = Literal["Int", "Float", "String", "Boolean", "Mode", "ColumnPicker", "Dataset"]


class PipelineParameter(_Model):
    """A value chosen at submit time (or a data set input), bound to node parameters.

    A Mode parameter lists its `options`; a ColumnPicker one holds column-picker rules JSON."""

    name: str
    kind: ParameterKind = "String"
    default: Any = None
    options: list[str] = Field(default_factory=list)
    bindings: list[Binding] = Field(default_factory=list)

    @model_validator(mode="after")
    def _options_only_for_mode(self) -> PipelineParameter:
        if (self.kind == "Mode") != bool(self.options):
            raise ValueError("a Mode parameter lists its options; other kinds have none")
        return self


class Lineage(_Model):
    """Where a document came from: the training job an inference pipeline was made from, the draft a job ran
    from, the document this one was copied or cloned from (each an id, or None)."""

    training_job: str | None = None
    draft: str | None = None
    source: str | None = None


class Pipeline(_Model):
    """A training, real-time inference or batch inference pipeline."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=new_id)
    name: str = "Pipeline"
    description: str = ""
    kind: Literal["training", "realtime", "batch"] = "training"
    lineage: Lineage = Field(default_factory=Lineage)
    default_compute: str | None = LOCAL_COMPUTE
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    parameters: list[PipelineParameter] = Field(default_factory=list)
    backdrops: list[Backdrop] = Field(default_factory=list)

    @field_validator("parameters")
    @classmethod
    def _parameter_names_unique(cls, parameters: list[PipelineParameter]) -> list[PipelineParameter]:
        names = [p.name for p in parameters]
        if twice := sorted({n for n in names if names.count(n) > 1}):
            raise ValueError(f"two pipeline parameters are named {', '.join(map(repr, twice))}; rename one")
        return parameters

    def node(self, node_id: str) -> Node:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def incoming(self, node_id: str) -> list[Edge]:
        return [e for e in self.edges if e.target == node_id]

    def parameter(self, name: str) -> PipelineParameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise KeyError(name)

    def with_lineage(self, **fields: str | None) -> Pipeline:
        """The same document (same id) with these lineage fields set, e.g. `with_lineage(draft=draft_id)`."""
        return self.model_copy(update={"lineage": Lineage(**{**self.lineage.model_dump(), **fields})}, deep=True)

    def cloned(self, name: str | None = None) -> Pipeline:
        """A new document made from this one: a new id, `lineage.source` this id, no draft it ran from."""
        lineage = self.lineage.model_copy(update={"source": self.id, "draft": None})
        return self.model_copy(update={"id": new_id(), "lineage": lineage, "name": name or self.name}, deep=True)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> Pipeline:
        """The document in `data` (as `json.loads` gives it), brought up to date; raises PipelineFormatError."""
        if not isinstance(data, dict) or "schema_version" not in data:
            raise PipelineFormatError("a pipeline is a JSON object with 'schema_version', 'nodes' and 'edges'")
        _check_values(data)
        try:
            return cls.model_validate(migrate(data))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "(document)"
            raise PipelineFormatError(f"{where}: {first['msg'].removeprefix('Value error, ')}") from None

    @classmethod
    def from_json(cls, text: str, source: str = "pipeline") -> Pipeline:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise PipelineFormatError(
                f"{source} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
        except RecursionError:
            raise PipelineFormatError(f"{source} nests lists and objects too deeply to read") from None
        except ValueError as error:  # e.g. a number of thousands of digits
            raise PipelineFormatError(f"{source} is not valid JSON: {error}") from None
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> Pipeline:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise PipelineFormatError(f"cannot read {path}: {error}") from None
        return cls.from_json(text, source=str(path))


def _check_values(data: Any) -> None:
    """Refuse nesting deeper than MAX_DEPTH and text that cannot be stored (an unpaired UTF-16 surrogate)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise PipelineFormatError(f"the document nests lists and objects more than {MAX_DEPTH} levels deep")
            items = [*value, *value.values()] if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
        elif isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise PipelineFormatError(f"the text {value[:40]!r} holds an unpaired surrogate (a broken \\u "
                                          "escape)") from None


def _from_v1(data: dict) -> dict:
    """Version 1 wrote edges as [source, source port, target, target port] lists and had no default compute."""
    edges = data.get("edges", [])
    if isinstance(edges, list):
        edges = [dict(zip(("source", "source_port", "target", "target_port"), e)) if isinstance(e, list) and
                 len(e) == 4 else e for e in edges]
    return {**data, "edges": edges, "default_compute": data.get("default_compute", LOCAL_COMPUTE)}


def _from_v2(data: dict) -> dict:
    """Version 2 had no document id nor lineage, and "Set as pipeline parameter" stored a column picker as a
    String parameter holding the Python text of its rules: such a parameter becomes a ColumnPicker."""
    parameters = data.get("parameters", [])
    if isinstance(parameters, list):
        parameters = [_column_picker_from_text(p) for p in parameters]
    return {**data, "id": data.get("id") or new_id(), "lineage": data.get("lineage", {}), "parameters": parameters}


def _column_picker_from_text(parameter: Any) -> Any:
    if not isinstance(parameter, dict) or parameter.get("kind", "String") != "String":
        return parameter
    text = parameter.get("default")
    try:
        rules = ast.literal_eval(text) if isinstance(text, str) and text.lstrip().startswith("{") else None
    except (ValueError, SyntaxError, RecursionError, MemoryError):
        rules = None
    if not isinstance(rules, dict) or not isinstance(rules.get("rules"), list):
        return parameter
    return {**parameter, "kind": "ColumnPicker", "default": rules}


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _from_v1, 2: _from_v2}


def migrate(data: dict) -> dict:
    """Bring a document of any earlier schema version up to `SCHEMA_VERSION`."""
    version = data["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= SCHEMA_VERSION:
        raise PipelineFormatError(
            f"schema_version {version!r} is not supported (this Designer reads versions 1 to {SCHEMA_VERSION})")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return {**data, "schema_version": SCHEMA_VERSION}
