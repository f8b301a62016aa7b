"""The register dialog takes the same reading options as `designer datasets register` and says what it found."""
from __future__ import annotations

import pandas as pd

from designer_app.datasets_dialog import RegisterDatasetDialog
from nodes.table import ColumnType


def test_markers_and_delimiter_change_the_preview_and_the_registered_types(qtbot, workspace, tmp_path):
    path = tmp_path / "raw.csv"
    path.write_text("a,b,c\n1,x,?\n2,y,3.5\n3,?,4\n", encoding="utf-8")
    dialog = RegisterDatasetDialog(workspace, path)
    qtbot.addWidget(dialog)
    assert "delimiter ','" in dialog.read_as.text() and "encoding utf-8" in dialog.read_as.text()
    assert dialog.preview_model.frame["c"].dtype.kind not in "f"  # "?" is text until it is a marker
    dialog.reading.missing.setText("?")
    dialog.reading.missing.editingFinished.emit()
    assert "missing values '?'" in dialog.read_as.text()
    assert dialog.preview_model.frame["c"].dtype.kind == "f"
    dialog.reading.delimiter.setCurrentText("semicolon")  # wrong on purpose: one column
    assert dialog.shape.text().startswith("1 columns")
    dialog.reading.delimiter.setCurrentText("")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.register_button.click()
    assert dialog.info.schema["c"].type is ColumnType.DOUBLE
    assert workspace.datasets.load_dataset("raw").frame["b"].isna().tolist() == [False, False, True]


def test_a_parquet_file_keeps_its_reading_options_off_after_a_refused_registration(qtbot, workspace, tmp_path):
    path = tmp_path / "table.parquet"
    pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}).to_parquet(path)
    dialog = RegisterDatasetDialog(workspace, path)
    qtbot.addWidget(dialog)
    assert not dialog.reading.isEnabled()
    dialog.name.setCurrentText("a/b")  # refused: a name may not contain "/"
    dialog.register_button.click()
    qtbot.waitUntil(lambda: dialog.running is None, timeout=10000)
    assert not dialog.error.isHidden() and "a/b" in dialog.error.text()
    assert dialog.register_button.isEnabled() and not dialog.reading.isEnabled()
