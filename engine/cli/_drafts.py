"""What `designer drafts` does: list, import, export, rename and delete drafts, and set node parameters of one
(e.g. replace the model of an inference draft's MD- node by another registered model or version)."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from engine.cli._common import load_pipeline, write_user_file
from engine.cli.common import EXIT_INVALID, EXIT_OK, answer, dispatch, fail
from engine.drafts import DraftNotFound
from engine.pipeline import Node, Pipeline
from engine.validation import analyze
from engine.workspace import Workspace
from nodes.columns import ColumnSelection
from nodes.component import Component
from nodes.errors import ComponentError
from nodes.params import ParamKind
from nodes.registry import default_registry


class Refused(ValueError):
    """A node or parameter value that `drafts set` does not set: says which and why."""


def handle(workspace: Workspace, args: argparse.Namespace) -> int:
    commands = {"list": list_drafts, "import": import_draft, "export": export_draft, "rename": rename_draft,
                "delete": delete_draft, "set": set_params}
    return dispatch(commands, args.drafts_command, workspace, args, (DraftNotFound,))


def list_drafts(workspace: Workspace, args: argparse.Namespace) -> int:
    infos = workspace.drafts.list()
    return answer(args, [asdict(i) for i in infos], (f"{i.id}  {i.modified}  {i.name}" for i in infos))


def import_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    pipeline = load_pipeline(args.file)
    if pipeline is None:
        return EXIT_INVALID
    print(f"Draft {workspace.drafts.create(pipeline, args.name)} imported from {args.file}")
    return EXIT_OK


def export_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    text = workspace.drafts.load(args.draft_id).to_json() + "\n"
    code = write_user_file(workspace, args.file, args.force, lambda path: path.write_text(text, encoding="utf-8"))
    if code == EXIT_OK:
        print(f"Draft {args.draft_id} exported to {args.file}")
    return code


def rename_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    workspace.drafts.rename(args.draft_id, args.name)
    return EXIT_OK


def delete_draft(workspace: Workspace, args: argparse.Namespace) -> int:
    workspace.drafts.delete(args.draft_id)
    return EXIT_OK


def set_params(workspace: Workspace, args: argparse.Namespace) -> int:
    """Set node parameters of a draft; refused, nothing saved, when a value is not valid for its parameter or
    adds a problem to the node (such as a model version that is not registered)."""
    draft = workspace.drafts.load(args.draft_id)
    try:
        node = find_node(draft, args.node)
        component = default_registry()[node.component]
        values = dict(parse_value(component, text) for text in args.assignments)
    except Refused as error:
        return fail(error, EXIT_INVALID)
    edited = draft.model_copy(deep=True)
    edited.node(node.id).params.update(values)
    before = analyze(draft, catalog=workspace.datasets).for_node(node.id)
    added = [p for p in analyze(edited, catalog=workspace.datasets).for_node(node.id) if p not in before]
    if added:
        return fail(added[0], EXIT_INVALID)
    workspace.drafts.save(args.draft_id, edited)
    shown = ", ".join(f"{name} = {json.dumps(value)}" for name, value in values.items())
    print(f"Draft {args.draft_id}: {component.name} ({node.id}): {shown}")
    return EXIT_OK


def find_node(pipeline: Pipeline, ref: str) -> Node:
    """The node with this id, or the one node whose component has this name (e.g. "Saved Model")."""
    registry = default_registry()
    found = [n for n in pipeline.nodes if n.id == ref] or [
        n for n in pipeline.nodes if n.component in registry and registry[n.component].name == ref]
    if not found:
        raise Refused(f'the draft has no node "{ref}" (give a node id or a component name)')
    if len(found) > 1:
        raise Refused(f'the draft has {len(found)} nodes "{ref}"; give its node id, one of: '
                      f"{', '.join(n.id for n in found)}")
    if found[0].component not in registry:
        raise Refused(f'node {ref} is of the unknown component "{found[0].component}"')
    return found[0]


def parse_value(component: Component, text: str) -> tuple[str, Any]:
    """`PARAM=VALUE` as the node stores it: a number, true/false, rules JSON, text; empty clears it."""
    name, sep, value = text.partition("=")
    if not sep:
        raise Refused(f'write each assignment as PARAM=VALUE, not "{text}"')
    param = component.param(name.strip())
    if param is None:
        raise Refused(f'{component.name} has no parameter "{name.strip()}"; it has: '
                      f"{', '.join(component.param_keys())}")
    try:
        coerced = param.coerce(value)
    except ComponentError as error:
        raise Refused(f"{component.name} [{param.name}]: {error.message}") from None
    if isinstance(coerced, ColumnSelection):
        return param.name, coerced.to_dict()
    return param.name, value if param.kind is ParamKind.PARAMETER_RANGE else coerced
