"""Data sets: register a file with preview and schema, new versions, list, delete refused while a draft uses it."""
from __future__ import annotations

import pandas as pd

from designer_app.datasets_dialog import DatasetsDialog, RegisterDatasetDialog
from engine.pipeline import Node, Pipeline


def names_and_versions(dialog: DatasetsDialog) -> list[tuple[str, str]]:
    return [(dialog.list.topLevelItem(i).text(0), dialog.list.topLevelItem(i).text(1))
            for i in range(dialog.list.topLevelItemCount())]


def test_register_new_versions_list_and_delete(workspace, qtbot, tmp_path):
    csv = tmp_path / "flowers.csv"
    pd.DataFrame({"petal": [1.5, 2.5, 3.5], "kind": ["a", "b", "a"]}).to_csv(csv, index=False)
    dialog = DatasetsDialog(workspace)
    qtbot.addWidget(dialog)
    samples = len(names_and_versions(dialog))

    page = dialog.register_file(csv)
    assert isinstance(page, RegisterDatasetDialog) and page.register_button.isEnabled()
    page.name.setCurrentText("Flowers")
    assert "version 1" in page.version.text()
    with qtbot.waitSignal(page.accepted):  # registering runs off the GUI thread
        page.register_button.click()
    assert ("Flowers", "1") in names_and_versions(dialog)
    assert dialog.selected().name == "Flowers" and dialog.preview_model.rowCount() == 3
    assert [dialog.schema.topLevelItem(i).text(1) for i in range(2)] == ["Double", "String"]

    tsv = tmp_path / "flowers.tsv"
    pd.DataFrame({"petal": [9.0], "kind": ["c"]}).to_csv(tsv, sep="\t", index=False)
    page = dialog.register_file(tsv)
    page.name.setCurrentText("Flowers")
    assert 'new version of "Flowers"' in page.version.text()
    with qtbot.waitSignal(page.accepted):
        page.register_button.click()
    assert ("Flowers", "2") in names_and_versions(dialog)
    assert len(names_and_versions(dialog)) == samples + 2

    draft = workspace.drafts.create(Pipeline(name="Uses flowers", nodes=[Node(component="dataset",
                                                                              params={"Dataset": "Flowers"})]))
    dialog.select("Flowers", 2)
    assert not dialog.delete_selected()
    assert dialog.message.isVisibleTo(dialog) and "Uses flowers" in dialog.message.text()
    assert ("Flowers", "2") in names_and_versions(dialog)

    dialog.select("Breast cancer diagnosis", 1)
    assert not dialog.delete_selected()
    assert "is a sample" in dialog.message.text()
    assert ("Breast cancer diagnosis", "1") in names_and_versions(dialog)

    workspace.drafts.delete(draft)
    dialog.select("Flowers", 2)
    assert dialog.delete_selected()
    assert ("Flowers", "2") not in names_and_versions(dialog) and ("Flowers", "1") in names_and_versions(dialog)


def test_a_file_that_does_not_parse_cannot_be_registered(workspace, qtbot, tmp_path):
    bad = tmp_path / "notes.txt.xlsx"
    bad.write_text("nothing")
    page = RegisterDatasetDialog(workspace, bad)
    qtbot.addWidget(page)
    assert not page.register_button.isEnabled()
    assert "unsupported file type" in page.error.text()
