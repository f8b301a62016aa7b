"""Pipeline parameters: apply values given at submit time to the node parameters they are bound to."""
from __future__ import annotations

from typing import Any

from engine.pipeline import Pipeline, PipelineParameter


class ParameterAssignmentError(ValueError):
    """A pipeline parameter value that cannot be used: names the parameter."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f'Pipeline parameter "{name}": {message}')
        self.name = name


def coerce(parameter: PipelineParameter, value: Any) -> Any:
    """The value as the parameter's kind; a data set is a name or {"Name": ..., "Version": ...}."""
    try:
        if parameter.kind == "Int":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return int(value)
        if parameter.kind == "Float":
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        if parameter.kind == "Dataset" and isinstance(value, dict):
            if not isinstance(value.get("Name"), str):
                raise ValueError
            return {"Name": value["Name"], "Version": int(value["Version"]) if value.get("Version") else None}
        if isinstance(value, (dict, list)):
            raise ValueError
        return str(value)
    except (TypeError, ValueError):
        raise ParameterAssignmentError(parameter.name, f"{value!r} is not a valid {parameter.kind}") from None


def parse_assignment(text: str) -> tuple[str, str]:
    """`NAME=VALUE` as given on the command line."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise ParameterAssignmentError(text, "write it as NAME=VALUE")
    return name.strip(), value


def apply_parameters(pipeline: Pipeline, assignments: dict[str, Any] | None = None) -> Pipeline:
    """A copy of the pipeline whose bound node parameters hold the given values (or the defaults)."""
    assignments = dict(assignments or {})
    known = {p.name for p in pipeline.parameters}
    for name in assignments:
        if name not in known:
            raise ParameterAssignmentError(
                name, f"not a parameter of this pipeline (it has: {', '.join(sorted(known)) or 'none'})")
    if not any(p.name in assignments or p.default is not None for p in pipeline.parameters):
        return pipeline
    result = pipeline.model_copy(deep=True)
    nodes = {n.id: n for n in result.nodes}
    for parameter in result.parameters:
        if parameter.name not in assignments and parameter.default is None:
            continue
        value = coerce(parameter, assignments.get(parameter.name, parameter.default))
        for binding in parameter.bindings:
            node = nodes.get(binding.node)
            if node is None:
                raise ParameterAssignmentError(parameter.name, f"bound to node {binding.node}, which is not there")
            if isinstance(value, dict):
                node.params[binding.param] = value["Name"]
                node.params["Version"] = value["Version"]
            else:
                node.params[binding.param] = value
    return result
