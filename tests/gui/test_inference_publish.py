"""Batch predictions in the app: Create inference pipeline from a completed job, Publish, the Endpoints panel
(versions, default, disable, graph, runs, Submit), the in-process server and the Consume snippets run as shown."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from designer_app.consume_snippets import TOKEN_VARIABLE
from designer_app.publish_dialog import PublishDialog
from engine.inference import create_inference_pipeline
from engine.pipeline import Node, Pipeline
from engine.publishing import PipelineEndpoints
from engine.samples import sample_pipelines

SNIPPET_TIMEOUT_S = 120


def regression_sample():
    return next(p for name, p in sample_pipelines().items() if name.startswith("Regression"))


def menu_action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def open_publish_dialog(window, qtbot) -> PublishDialog:
    window.actions["publish"].trigger()
    dialog = window.findChildren(PublishDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def publish(dialog: PublishDialog, window, qtbot) -> None:
    with qtbot.waitSignal(window.endpoints.published, timeout=30000):
        dialog.publish_button.click()


def texts(tree) -> list[list[str]]:
    return [[tree.topLevelItem(i).text(c) for c in range(tree.columnCount())] for i in range(tree.topLevelItemCount())]


def test_create_inference_pipeline_publish_and_manage_versions(main_window, engine, qtbot):
    window, panel = main_window, main_window.endpoints
    assert not window.inference.menu.isEnabled()  # the draft has not run yet
    handle = engine.submit(window.adapter.to_pipeline(), draft_id=window.drafts.current)
    assert handle.wait(60).status == "Completed"
    qtbot.waitUntil(window.inference.menu.isEnabled, timeout=10000)

    with qtbot.waitSignal(window.inference.created, timeout=60000) as created:
        menu_action(window.inference.menu, "Batch").trigger()
    assert window.drafts.current == created.args[0]
    draft = window.adapter.to_pipeline()
    assert draft.kind == "batch" and draft.lineage.training_job == handle.id
    assert {"saved_model", "saved_transformation"} <= {n.component for n in draft.nodes}
    assert "Evaluate Model" in window.inference.notice.text()  # the generator's warning is shown

    dialog = open_publish_dialog(window, qtbot)
    assert dialog.create_new.isChecked() and dialog.make_default.isChecked() and not dialog.make_default.isEnabled()
    assert texts(dialog.inputs) == [["input-dataset", "Dataset",
                                     "Automobile fuel economy (latest, pinned when published)"]]
    dialog.new_name.setText("fuel-batch")
    dialog.description.setPlainText("first")
    publish(dialog, window, qtbot)
    assert window.bottom_tabs.currentWidget() is panel
    assert panel.items[("fuel-batch", 0)].text(1) == "Default"
    assert (panel.selected.endpoint, panel.selected.version) == ("fuel-batch", 0)
    assert texts(panel.parameters) == [["input-dataset", "Dataset", "Automobile fuel economy (version 1)"]]
    assert {n.id for n in panel.canvas.to_pipeline().nodes} == {n.id for n in draft.nodes}  # the version's graph
    assert not panel.canvas.viewer.isInteractive()

    dialog = open_publish_dialog(window, qtbot)
    dialog.new_name.setText("fuel-batch")
    assert not dialog.publish_button.isEnabled()  # the name is taken: add a version to it instead
    dialog.use_existing.setChecked(True)
    assert dialog.make_default.isEnabled() and not dialog.make_default.isChecked()
    dialog.make_default.setChecked(True)
    publish(dialog, window, qtbot)
    assert [panel.items[("fuel-batch", 1)].text(c) for c in (0, 1)] == ["★ Version 1", "Default"]
    assert panel.items[("fuel-batch", 0)].text(1) == ""
    assert panel.items[("fuel-batch", 0)].text(3) == "first"

    panel.tree.setCurrentItem(panel.items[("fuel-batch", 0)])
    panel.default_action.trigger()
    qtbot.waitUntil(lambda: panel.items[("fuel-batch", 0)].text(1) == "Default", timeout=10000)
    panel.tree.setCurrentItem(panel.items[("fuel-batch", 1)])
    assert panel.disable_action.isEnabled()
    panel.disable_action.trigger()
    qtbot.waitUntil(lambda: panel.items[("fuel-batch", 1)].text(1) == "Disabled", timeout=10000)
    assert not panel.submit_action.isEnabled() and not panel.default_action.isEnabled()
    endpoint = PipelineEndpoints(engine.workspace, engine.registry).get("fuel-batch")
    assert endpoint.default_version == 0 and endpoint.versions[1].disabled

    panel.tree.setCurrentItem(panel.items[("fuel-batch", 0)])
    submit = panel.submit()
    assert submit.editors["input-dataset"].currentText() == "Automobile fuel economy"
    with qtbot.waitSignal(panel.job_opened, timeout=30000) as opened:
        submit.submit_button.click()
    assert opened.args[0] in window.job_windows.views
    run = engine.workspace.jobs.get(opened.args[0])
    assert run.experiment == "fuel-batch"
    assert run.parameters == {"input-dataset": {"Name": "Automobile fuel economy", "Version": 1}}  # pinned
    qtbot.waitUntil(lambda: [row[1] for row in texts(panel.runs)] == ["Completed"], timeout=60000)
    assert len(texts(panel.runs)) == 1 and texts(panel.runs)[0][0] == "fuel-batch v0"
    assert panel.tabs.tabText(2) == "Runs (1)"

    window.bottom_tabs.setCurrentWidget(panel)
    panel.tabs.setCurrentIndex(1)
    window.resize(1400, 1000)
    window.resizeDocks([window.docks["bottom"]], [480], Qt.Orientation.Vertical)
    qtbot.wait(50)
    panel.canvas.fit()
    qtbot.wait(50)
    panel.grab().save("/tmp/endpoints.png")


def test_publish_refused_lists_the_problems_and_publishes_nothing(engine, qtbot):
    dialog = PublishDialog(engine, Pipeline(name="Broken", nodes=[Node(component="score_model")]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.isVisible() and dialog.published is None
    assert "cannot be published" in dialog.message.text() and "Score Model" in dialog.message.text()
    assert PipelineEndpoints(engine.workspace, engine.registry).list() == []


def test_create_inference_pipeline_from_the_job_window(main_window, engine, qtbot):
    job = engine.submit(regression_sample()).wait(60)
    view = main_window.job_windows.open(job.id)
    assert view.inference_button.isVisibleTo(view)
    with qtbot.waitSignal(main_window.inference.created, timeout=60000) as created:
        menu_action(view.inference_button.menu(), "Real-time").trigger()
    draft = engine.workspace.drafts.load(created.args[0])
    assert draft.kind == "realtime" and draft.lineage.training_job == job.id
    assert {"web_service_input", "web_service_output"} <= {n.component for n in draft.nodes}
    assert main_window.drafts.current == created.args[0]


    assert view.publish_button.isVisibleTo(view)
    view.publish_button.click()
    dialog = main_window.findChildren(PublishDialog)[-1]
    assert dialog.parent() is view
    dialog.new_name.setText("fuel-training")
    with qtbot.waitSignal(main_window.endpoints.published, timeout=30000):
        dialog.publish_button.click()
    version = PipelineEndpoints(engine.workspace, engine.registry).version("fuel-training")
    assert version.source == f"job {job.id}" and version.pipeline.kind == "training"


def test_create_inference_pipeline_refused_says_why(main_window, engine, qtbot):
    pipeline = regression_sample()
    data_only = pipeline.model_copy(update={"nodes": pipeline.nodes[:1], "edges": [], "parameters": []})
    job = engine.submit(data_only).wait(60)
    with qtbot.waitSignal(main_window.inference.failed, timeout=30000) as failed:
        main_window.inference.create(job.id, "batch")
    assert "no trained model" in failed.args[0]
    assert "no trained model" in main_window.inference.notice.text()


@pytest.fixture
def published(engine):
    """The regression sample's training job made into a batch pipeline, published as version 0 of "fuel"."""
    job = engine.submit(regression_sample()).wait(60)
    pipeline, _warnings = create_inference_pipeline(engine.workspace, job.id, "batch", registry=engine.registry)
    return PipelineEndpoints(engine.workspace, engine.registry).publish(pipeline, "fuel")


def start_server(window, qtbot) -> str:
    window.server.port = 0  # a free port
    with qtbot.waitSignal(window.server.url_changed, timeout=30000) as started:
        window.server.start_action.trigger()
    return started.args[0]


def test_server_starts_and_stops_from_the_menu(main_window, qtbot):
    window = main_window
    assert window.server.label.text() == "Server stopped" and not window.server.stop_action.isEnabled()
    url = start_server(window, qtbot)
    assert url.startswith("http://127.0.0.1:") and window.server.label.text() == f"Server: {url}"
    assert window.server.stop_action.isEnabled() and not window.server.start_action.isEnabled()
    port = int(url.rsplit(":", 1)[1])
    socket.create_connection(("127.0.0.1", port), timeout=5).close()
    with qtbot.waitSignal(window.server.url_changed, timeout=30000) as stopped:
        window.server.stop_action.trigger()
    assert stopped.args[0] == "" and window.server.label.text() == "Server stopped"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()

    start_server(window, qtbot)
    server = window.server.server
    window.close()  # quitting stops the server
    assert not server.running and window.server.server is None


def test_a_server_that_cannot_start_says_why(main_window, qtbot):
    taken = socket.create_server(("127.0.0.1", 0))
    main_window.server.port = taken.getsockname()[1]
    with qtbot.waitSignal(main_window.server.failed, timeout=30000):
        main_window.server.start_action.trigger()
    taken.close()
    assert main_window.server.server is None and main_window.server.start_action.isEnabled()
    assert main_window.server.label.text().startswith("Server: ") and "use" in main_window.server.label.text()


def test_consume_snippets_work_as_shown_against_the_running_server(main_window, published, qtbot, tmp_path):
    window, panel = main_window, main_window.endpoints
    panel.refresh(("fuel", None))  # the endpoint itself: its snippets call the default version
    url = start_server(window, qtbot)
    consume = panel.consume
    assert consume.rest_url.text() == f"{url}/pipelines/fuel/submit" and not consume.server_hint.isVisibleTo(panel)
    env = {**os.environ, TOKEN_VARIABLE: consume.create_token()}
    assert consume.token.text() == env[TOKEN_VARIABLE]

    python = consume.editors["Python"].toPlainText()
    done = subprocess.run([sys.executable, "-c", python], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=SNIPPET_TIMEOUT_S)
    assert done.returncode == 0, done.stderr
    assert "Run Completed" in done.stdout and "Saved scored.csv" in done.stdout
    scored = pd.read_csv(tmp_path / "scored.csv")
    assert "Scored Labels" in scored.columns and len(scored) > 0
    qtbot.waitUntil(lambda: panel.runs.topLevelItemCount() == 1, timeout=10000)  # the REST run is listed
    panel.tabs.setCurrentWidget(consume)
    panel.grab().save(str(tmp_path / "consume.png"))
    shutil.copy(tmp_path / "consume.png", "/tmp/consume.png")

    if shutil.which("curl") and shutil.which("python3"):
        (tmp_path / "scored.csv").unlink()
        shell = consume.editors["curl"].toPlainText()
        done = subprocess.run(["sh", "-c", shell], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=SNIPPET_TIMEOUT_S)
        assert done.returncode == 0, done.stderr
        assert "Run Completed" in done.stdout
        assert pd.read_csv(tmp_path / "scored.csv").equals(scored)

    missing = {k: v for k, v in env.items() if k != TOKEN_VARIABLE}
    refused = subprocess.run([sys.executable, "-c", python], cwd=tmp_path, env={**missing, TOKEN_VARIABLE: "wrong"},
                             capture_output=True, text=True, timeout=SNIPPET_TIMEOUT_S)
    assert refused.returncode != 0 and "401" in refused.stderr
