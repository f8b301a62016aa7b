"""Retakes the README's screenshots in both themes: `QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py`.

A fresh workspace; the regression sample run through the main window's engine; then the main window, Preview
data, the evaluation, the job view, the column picker and the component reference, each saved as
`<view>_<theme>.png` beside this file.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from designer_app.main_window import MainWindow  # noqa: E402
from designer_app.preview.viewers import show_output  # noqa: E402
from designer_app.properties.column_picker import ColumnPickerDialog  # noqa: E402
from designer_app.theme import THEMES  # noqa: E402
from engine.engine import Engine  # noqa: E402
from engine.samples import sample_pipelines  # noqa: E402
from engine.workspace import Workspace  # noqa: E402

HERE = Path(__file__).resolve().parent
SAMPLE = "Regression: Automobile fuel economy (Basic)"


def settle(app: QApplication, widget: QWidget | None = None, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()
    if widget is not None and hasattr(widget, "summary"):
        while widget.summary is None:  # Preview data reads and summarises off the GUI thread
            app.processEvents()


def save(widget: QWidget, name: str, theme: str) -> None:
    widget.grab().save(str(HERE / f"{name}_{theme}.png"))


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="designer-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    workspace = Workspace(folder / "workspace")
    engine = Engine(workspace)
    window = MainWindow(workspace, engine)
    window.resize(1440, 900)
    window.show()
    pipeline = sample_pipelines()[SAMPLE]
    window.drafts.new(pipeline)
    job = window.run.submit()
    job.submit_button.click()
    while window.run.job_id is None or workspace.jobs.get_status(window.run.job_id) not in ("Completed", "Failed"):
        app.processEvents()
    job_id = window.run.job_id
    nodes = {n.component: n.id for n in pipeline.nodes}
    for theme in THEMES:
        window.set_theme(theme)
        window.adapter.select(nodes["score_model"])
        window.adapter.fit()
        settle(app)
        save(window, "main_window_after_run", theme)
        for component, view in (("score_model", "preview"), ("evaluate_model", "evaluation")):
            port = engine.registry[component].outputs[0]
            shown = show_output(engine, job_id, nodes[component], port, window)
            settle(app, shown)
            save(shown, view, theme)
            shown.close()
        view = window.job_windows.open(job_id)
        settle(app)
        save(view, "job_view", theme)
        view.close()
        picker = ColumnPickerDialog("Columns in the selected data set", workspace.datasets.load_dataset(
            "Automobile fuel economy").schema, {"isFilter": True, "rules": []}, False, window)
        picker.show()
        settle(app)
        save(picker, "column_picker", theme)
        picker.close()
        window.adapter.select(nodes["clean_missing_data"])
        reference = window.show_help()
        settle(app)
        save(reference, "component_reference", theme)
        reference.close()
    window.close()
    engine.close()


if __name__ == "__main__":
    main()
