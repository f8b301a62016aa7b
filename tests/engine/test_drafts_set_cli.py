"""`designer drafts set`: node parameters of a stored draft, validated, such as the registered model version of
an inference draft's MD- node (the reference's "update pipeline endpoint" flow without the app)."""
from __future__ import annotations

import pytest

from engine.cli import main
from engine.pipeline import Pipeline
from engine.validation import analyze
from engine.workspace import Workspace
from nodes.components.algorithms.linear_regression import COMPONENT as LINEAR
from nodes.components.training.train_model import COMPONENT as TRAIN
from nodes.components.transformation.normalize_data import COMPONENT as NORMALIZE
from nodes.table import Table
from tests.components.ml_data import ml_frame, ml_run
from tests.engine.builders import node, pipeline


def register_assets(workspace: Workspace) -> None:
    """Model "cars" in versions 1 and 2 (trained on other rows), model "bikes" and transformation "scaler"."""
    learner = ml_run(LINEAR, {})["Untrained model"]
    for name, seed in (("cars", 0), ("cars", 1), ("bikes", 2)):
        table = Table(ml_frame(seed=seed).drop(columns=["cls"]))
        model = ml_run(TRAIN, {"Untrained model": learner, "Dataset": table}, **{"Label column": "y"})
        workspace.assets.save("model", name, model["Trained model"])
    scaler = ml_run(NORMALIZE, {"Dataset": Table(ml_frame())})["Transformation function"]
    workspace.assets.save("transformation", "scaler", scaler)


def saved_model_draft(workspace: Workspace) -> tuple[str, str]:
    """A draft of two Saved Model nodes, one reading "cars" version 1, and that node's id."""
    saved = node("saved_model", Model="cars", Version=1)
    other = node("saved_model", Model="bikes")
    return workspace.drafts.create(pipeline(saved, other, name="Cars inference")), saved.id


@pytest.fixture
def folder(tmp_path):
    with Workspace(tmp_path / "ws") as workspace:
        register_assets(workspace)
        draft_id, node_id = saved_model_draft(workspace)
    return tmp_path / "ws", draft_id, node_id


def designer(folder, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(folder), "drafts", "set", *args])
    out, err = capsys.readouterr()
    return code, out, err


def stored(folder, draft_id: str) -> Pipeline:
    with Workspace(folder) as workspace:
        return workspace.drafts.load(draft_id)


def test_set_the_version_and_model_of_a_saved_model_node(folder, capsys):
    ws, draft_id, node_id = folder
    code, out, err = designer(ws, capsys, draft_id, node_id, "Version=2")
    assert (code, err) == (0, "") and "Saved Model" in out and "Version = 2" in out
    assert stored(ws, draft_id).node(node_id).params == {"Model": "cars", "Version": 2}
    code, _, err = designer(ws, capsys, draft_id, node_id, "Model=bikes", "Version=")
    assert (code, err) == (0, "")
    assert stored(ws, draft_id).node(node_id).params == {"Model": "bikes", "Version": None}  # the latest
    with Workspace(ws) as workspace:
        assert analyze(workspace.drafts.load(draft_id), catalog=workspace.datasets).problems == []


@pytest.mark.parametrize("args, message", [
    (["{node}", "Version=3"], 'Saved Model [Model]: Model "cars" version 3 is not registered'),
    (["{node}", "Model=scaler"], 'Model "scaler" version 1 is not registered'),  # a transformation, not a model
    (["{node}", "Version=two"], "Saved Model [Version]:"),
    (["{node}", "Version=0"], "Saved Model [Version]:"),
    (["{node}", "Model="], "Saved Model [Model]:"),
    (["{node}", "Learning rate=0.1"], 'Saved Model has no parameter "Learning rate"; it has: Model, Version'),
    (["{node}", "Version=2", "Version"], 'write each assignment as PARAM=VALUE, not "Version"'),
    (["Saved Model", "Version=2"], 'the draft has 2 nodes "Saved Model"; give its node id, one of: '),
    (["Score Model", "Version=2"], 'the draft has no node "Score Model"'),
])
def test_bad_input_is_one_line_and_saves_nothing(folder, capsys, args, message):
    ws, draft_id, node_id = folder
    before = stored(ws, draft_id)
    code, out, err = designer(ws, capsys, draft_id, *[a.format(node=node_id) for a in args])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("designer: ") and message in err, err
    assert stored(ws, draft_id) == before


def test_a_node_is_found_by_its_component_name_when_it_is_the_only_one(tmp_path, capsys):
    with Workspace(tmp_path / "ws") as workspace:
        register_assets(workspace)
        saved = node("saved_transformation", Transformation="scaler")
        draft_id = workspace.drafts.create(pipeline(saved))
    code, _, err = designer(tmp_path / "ws", capsys, draft_id, "Saved Transformation", "Version=1")
    assert (code, err) == (0, "")
    assert stored(tmp_path / "ws", draft_id).node(saved.id).params == {"Transformation": "scaler", "Version": 1}
    missing = main(["--workspace", str(tmp_path / "ws"), "drafts", "set", "no-such-draft", saved.id, "Version=1"])
    assert missing == 1 and capsys.readouterr().err == "designer: No draft with id no-such-draft.\n"
