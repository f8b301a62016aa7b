"""Files the user names: refused inside the workspace, never replaced unasked, never left half written."""
from __future__ import annotations

import os

import pytest

from engine.user_files import UserFileError, UserFileRefused, user_file


@pytest.fixture
def folders(tmp_path):
    workspace, outside = tmp_path / "ws", tmp_path / "out"
    workspace.mkdir()
    outside.mkdir()
    (workspace / "workspace.db").write_bytes(b"precious")
    return workspace, outside


def _write(target, workspace, text="new", **options):
    with user_file(target, workspace, **options) as path:
        path.write_text(text)


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_new_file_is_written_through_a_temporary_file_beside_it(folders):
    workspace, outside = folders
    with user_file(outside / "out.csv", workspace) as path:
        assert path.parent == outside and path != outside / "out.csv" and path.exists()
        path.write_text("a,b\n")
        assert not (outside / "out.csv").exists()  # nothing at the target until the block ends
    assert (outside / "out.csv").read_text() == "a,b\n" and _leftovers(outside) == []
    assert (outside / "out.csv").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("name", ["workspace.db", "artifacts/new.parquet", ".", "sub/../workspace.db"])
def test_a_path_inside_the_workspace_is_refused(folders, name):
    workspace, _ = folders
    (workspace / "artifacts").mkdir()
    (workspace / "sub").mkdir()
    with pytest.raises(UserFileRefused, match="inside the workspace folder"):
        _write(workspace / name, workspace, force=True)
    assert (workspace / "workspace.db").read_bytes() == b"precious" and _leftovers(workspace) == []


def test_a_link_into_the_workspace_is_refused(folders):
    workspace, outside = folders
    (outside / "link.db").symlink_to(workspace / "workspace.db")
    with pytest.raises(UserFileRefused, match="inside the workspace folder"):
        _write(outside / "link.db", workspace, force=True)
    assert (workspace / "workspace.db").read_bytes() == b"precious"


def test_an_existing_file_is_replaced_only_with_force_and_keeps_its_mode(folders):
    workspace, outside = folders
    target = outside / "kept.csv"
    target.write_text("old")
    target.chmod(0o640)
    with pytest.raises(UserFileRefused, match="exists; add --force to replace it"):
        _write(target, workspace)
    assert target.read_text() == "old"
    _write(target, workspace, force=True)
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("target, message", [
    ("missing/out.csv", "the folder .* does not exist"),
    (".", "is a folder"),
    ("/dev/null", "is not a regular file"),
])
def test_impossible_targets_are_refused_before_writing(folders, target, message):
    workspace, outside = folders
    with pytest.raises(UserFileRefused, match=message):
        _write(outside / target, workspace, force=True)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(folders):
    workspace, outside = folders
    target = outside / "kept.csv"
    target.write_text("old")
    with pytest.raises(UserFileError, match=r"cannot write .*kept.csv: No space left on device"):
        with user_file(target, workspace, force=True) as path:
            path.write_text("half")
            raise OSError(28, "No space left on device")
    with pytest.raises(ZeroDivisionError):
        with user_file(target, workspace, force=True):
            raise ZeroDivisionError
    assert target.read_text() == "old" and _leftovers(outside) == []
