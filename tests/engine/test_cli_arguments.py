"""Every `designer` subcommand (found by walking the parser, so new ones are included) given bad arguments: a
usage error (exit 2) or one line on stderr starting "designer:" (exit 1 or 2), nothing on stdout, never a
traceback."""
from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from engine.cli import main, parser


def leaf_commands(command: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    sub = next((a for a in command._actions if isinstance(a, argparse._SubParsersAction)), None)
    if sub is None:
        yield path, command
        return
    for name, child in sub.choices.items():
        yield from leaf_commands(child, (*path, name))


COMMANDS = dict(leaf_commands(parser()))


def bogus(action: argparse.Action, path: str) -> str:
    """A value of the right type that names nothing there is (a file: `path`)."""
    if action.choices:
        return str(next(iter(action.choices)))
    if action.type is int:
        return "7"
    if action.type is Path:
        return path
    return "no-such-thing"


def bogus_arguments(command: argparse.ArgumentParser, path: str = "/no/such/file.json") -> list[str]:
    """Every positional and every required option, with bogus values."""
    arguments: list[str] = []
    for action in command._actions:
        if not action.option_strings and action.nargs != 0:
            arguments.append(bogus(action, path))
        elif action.required:
            arguments += [action.option_strings[0], bogus(action, path)]
    return arguments


def cases():
    for path, command in COMMANDS.items():
        name = " ".join(path)
        yield pytest.param([*path, "--no-such-option"], 2, id=f"{name}: an unknown option")
        arguments = bogus_arguments(command)
        if arguments:
            yield pytest.param([*path, *arguments], None, id=f"{name}: values that name nothing")
        if any(action.type is Path for action in command._actions):
            yield pytest.param([*path, *bogus_arguments(command, "/")], None, id=f"{name}: a folder, not a file")
        for action in command._actions:
            if action.option_strings and action.type is int:
                yield pytest.param([*path, *arguments, action.option_strings[0], "x"], 2,
                                   id=f"{name}: {action.option_strings[0]} not a number")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("cli-arguments")


@pytest.mark.parametrize("argv, code", list(cases()))
def test_bad_arguments_give_a_one_line_error_and_an_exit_code(argv, code, folder, capsys):
    try:
        returned = main(["--workspace", str(folder / "ws"), *argv])
        usage = False
    except SystemExit as exit_:
        returned, usage = exit_.code, True
    out, err = capsys.readouterr()
    assert "Traceback" not in err and out == ""
    if usage:  # argparse: its usage, then "designer ...: error: ..."
        assert returned == 2 and err.startswith("usage: designer") and ": error: " in err.splitlines()[-1]
    else:
        assert err.startswith("designer: ") and err.count("\n") == 1, err
        assert returned in ((1, 2) if code is None else (code,))


def test_an_unusable_workspace_is_one_line(folder, capsys):
    (folder / "a-file").write_text("not a folder")
    assert main(["--workspace", str(folder / "a-file"), "jobs", "list"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("designer: cannot open the workspace") and err.count("\n") == 1


def test_every_command_is_covered():
    groups = {action.dest for action in parser()._actions if isinstance(action, argparse._SubParsersAction)}
    assert groups == {"command"}
    assert {path[0] for path in COMMANDS} >= {"run", "validate", "jobs", "datasets", "drafts", "gc", "components"}
    assert len(COMMANDS) >= 20
