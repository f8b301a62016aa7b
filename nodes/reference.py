"""The component reference in Markdown, generated from the specs: one page per component, one document for all.

`docs/components.md` is this document for the shipped catalogue (`designer components --markdown`); the app's
Help shows a component's page.
"""
from __future__ import annotations

from collections.abc import Iterable

from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.params import Param, ParamKind
from nodes.ports import Port

TITLE = "# Component reference"
INTRO = ("Generated from the component specs by `designer components --markdown`; do not edit by hand. Names, ports "
         "and parameters follow the Azure Machine Learning designer's classic components.")


def anchor(component: Component) -> str:
    """The Markdown heading anchor of a component's page (GitHub's rule: lower case, spaces to dashes)."""
    return "".join(ch for ch in component.name.lower().replace(" ", "-") if ch.isalnum() or ch in "-_")


def component_page(component: Component) -> str:
    """One component's section: what it does, what it maps to, its ports and its parameters."""
    lines = [f"### {component.name}", "", component.description, "",
             f"Id `{component.id}`, version {component.version}."]
    if component.maps_to:
        lines += ["", f"**Computes with:** {component.maps_to}"]
    for title, ports in (("Inputs", component.inputs), ("Outputs", component.outputs)):
        if ports:
            lines += ["", f"**{title}**", "", "| Port | Type | Description |", "|---|---|---|"]
            lines += [_port_row(p) for p in ports]
    if component.params:
        lines += ["", "**Parameters**", "", "| Parameter | Kind | Default | Range or options | Shown when | Description |",
                  "|---|---|---|---|---|---|"]
        lines += [_param_row(p) for p in component.params]
    return "\n".join(lines) + "\n"


def reference(components: Iterable[Component]) -> str:
    """The whole reference: a contents list by category, then every component's page, in palette order."""
    components = list(components)
    categories = list(dict.fromkeys(c.category for c in components))
    lines = [TITLE, "", INTRO, ""]
    for category in categories:
        names = ", ".join(f"[{c.name}](#{anchor(c)})" for c in components if c.category == category)
        lines.append(f"- **{category}**: {names}")
    for category in categories:
        lines += ["", f"## {category}", ""]
        lines += [component_page(c) for c in components if c.category == category]
    return "\n".join(lines).rstrip("\n") + "\n"


def _port_row(port: Port) -> str:
    optional = " (optional)" if port.optional else ""
    return f"| {_cell(port.name)}{optional} | {port.type.value} | {_cell(port.description)} |"


def _param_row(param: Param) -> str:
    return (f"| {_cell(param.name)} | {param.kind.value} | {_cell(_default(param))} | {_cell(_range(param))} | "
            f"{_cell(_shown_when(param))} | {_cell(param.description)} |")


def _default(param: Param) -> str:
    if isinstance(param.default, ColumnSelection):
        return param.default.describe()
    return "" if param.default is None else str(param.default)


def _range(param: Param) -> str:
    parts = []
    if param.options:
        parts.append(", ".join(param.options))
    if param.min is not None or param.max is not None:
        low = "" if param.min is None else f"{param.min:g}"
        high = "" if param.max is None else f"{param.max:g}"
        parts.append(f"{low} to {high}" if low and high else f">= {low}" if low else f"<= {high}")
    if param.tunable:
        parts.append(f"sweep {param.sweep}")
    if param.kind is ParamKind.ASSET and param.asset:
        parts.append(f"a registered {param.asset}")
    return "; ".join(parts)


def _shown_when(param: Param) -> str:
    if not param.parent:
        return ""
    return f"{param.parent} is {' or '.join(str(v) for v in param.parent_values)}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
