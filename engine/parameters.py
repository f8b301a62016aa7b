"""Pipeline parameters: their kinds, the node parameters they may bind to, and applying values at submit time."""
from __future__ import annotations

import copy
from typing import Any

from engine.pipeline import Binding, ParameterKind, Pipeline, PipelineParameter
from nodes.columns import ColumnSelection
from nodes.errors import ComponentError
from nodes.params import Param, ParamKind

NODE_KINDS_TAKING: dict[str, frozenset[str]] = {
    "Int": frozenset({"Int", "Float", "String", "ParameterRange"}),
    "Float": frozenset({"Float", "String", "ParameterRange"}),
    "String": frozenset({"String", "Script", "Mode", "Boolean", "ParameterRange", "ColumnPicker", "Dataset",
                         "Asset"}),
    "Boolean": frozenset({"Boolean", "String"}),
    "Mode": frozenset({"Mode", "String"}),
    "ColumnPicker": frozenset({"ColumnPicker"}),
    "Dataset": frozenset({"Dataset", "String"}),
}
"""Pipeline parameter kind -> the node parameter kinds that take its values."""

_OWN_KINDS = frozenset({"Int", "Float", "Boolean", "Mode", "ColumnPicker", "Dataset"})  # same name both sides
COLUMNS_HINT = 'write rules JSON {"isFilter": true, "rules": [...]} or column names separated by commas'


class ParameterAssignmentError(ValueError):
    """A pipeline parameter value that cannot be used: names the parameter."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f'Pipeline parameter "{name}": {message}')
        self.name = name


def kind_for(param: Param) -> ParameterKind:
    """The pipeline parameter kind that holds a node parameter's values (String for Script, ParameterRange)."""
    return param.kind.value if param.kind.value in _OWN_KINDS else "String"


def parameter_for(name: str, node_id: str, param: Param, value: Any) -> PipelineParameter:
    """A pipeline parameter of the node parameter's kind (a Mode with its options), bound to it, whose default
    is the node's current value (None when that value is not valid)."""
    kind = kind_for(param)
    options = list(param.options) if kind == "Mode" else []
    parameter = PipelineParameter(name=name, kind=kind, options=options,
                                  bindings=[Binding(node=node_id, param=param.name)])
    if value is None or (isinstance(value, str) and not value.strip() and kind != "String"):
        return parameter
    try:
        return parameter.model_copy(update={"default": coerce(parameter, value)})
    except ParameterAssignmentError:
        return parameter


def coerce(parameter: PipelineParameter, value: Any) -> Any:
    """The value as the parameter's kind, from itself or its text as given on the command line: a Boolean from
    true/false, a Mode from one of its options, a ColumnPicker from rules JSON or comma-separated names (as the
    rules dict), a Dataset from a name or {"Name": ..., "Version": ...}."""
    kind = parameter.kind
    if kind in ("String", "Dataset"):
        return _text_or_dataset(parameter, value)
    if kind == "ColumnPicker" and isinstance(value, str) and value.strip() and not value.lstrip().startswith("{"):
        value = [name.strip() for name in value.split(",") if name.strip()]
    try:
        coerced = Param(parameter.name, ParamKind(kind), options=tuple(parameter.options)).coerce(value)
    except ComponentError:
        hint = {"Mode": f"; choose one of: {', '.join(parameter.options)}", "ColumnPicker": f"; {COLUMNS_HINT}",
                "Boolean": "; use true or false"}.get(kind, "")
        raise ParameterAssignmentError(parameter.name, f"{value!r} is not a valid {kind}{hint}") from None
    return coerced.to_dict() if isinstance(coerced, ColumnSelection) else coerced


def _text_or_dataset(parameter: PipelineParameter, value: Any) -> Any:
    try:
        if parameter.kind == "Dataset" and isinstance(value, dict):
            if not isinstance(value.get("Name"), str):
                raise ValueError
            return {"Name": value["Name"], "Version": int(value["Version"]) if value.get("Version") else None}
        if isinstance(value, (dict, list)):
            raise ValueError
        if parameter.kind == "Dataset":  # a name alone is its latest version, whatever version the node had
            return {"Name": str(value), "Version": None}
        return str(value)
    except (TypeError, ValueError):
        raise ParameterAssignmentError(parameter.name, f"{value!r} is not a valid {parameter.kind}") from None


def binding_mismatch(parameter: PipelineParameter, param: Param) -> str | None:
    """Why the node parameter cannot take this pipeline parameter's values (None when it can)."""
    if param.kind.value not in NODE_KINDS_TAKING[parameter.kind]:
        return (f'Pipeline parameter "{parameter.name}" is a {parameter.kind} parameter, but "{param.name}" is '
                f'{param.kind.value}; bind it to a parameter of kind {", ".join(sorted(NODE_KINDS_TAKING[parameter.kind]))}'
                " or detach it.")
    foreign = [o for o in parameter.options if o not in param.options] if param.kind is ParamKind.MODE else []
    if parameter.kind == "Mode" and foreign:
        return (f'Pipeline parameter "{parameter.name}" offers {", ".join(foreign)}, which "{param.name}" does '
                f'not have (its options: {", ".join(param.options)}); detach it or remove those options.')
    return None


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
            if parameter.kind == "Dataset" and isinstance(value, dict):
                node.params[binding.param] = value["Name"]
                node.params["Version"] = value["Version"]
            else:
                node.params[binding.param] = copy.deepcopy(value)
    return result
