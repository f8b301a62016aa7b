"""Real-time endpoints in the app: Deploy from the job window, the Jobs list and the Run menu; the Endpoints
panel's live state from the running server, keys (Copy, Regenerate), Test, Consume snippets run as shown, and
Delete."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from designer_app.deploy_dialog import DeployDialog, suggested_name
from designer_app.endpoint_requests import ExampleInput, example_row, score_body
from designer_app.online_snippets import KEY_VARIABLE
from engine.inference import create_inference_pipeline
from engine.online import OnlineEndpointNotFound, OnlineEndpoints
from engine.tokens import Tokens
from tests.gui.test_inference_publish import regression_sample, start_server

SNIPPET_TIMEOUT_S = 120
SCORED = "Scored Labels"


@pytest.fixture
def realtime_pipeline(engine):
    """The regression sample's real-time inference pipeline, made from a completed training job."""
    training = engine.submit(regression_sample()).wait(60)
    assert training.status == "Completed"
    pipeline, _ = create_inference_pipeline(engine.workspace, training.id, "realtime", registry=engine.registry)
    return pipeline


@pytest.fixture
def realtime_job(engine, realtime_pipeline) -> str:
    job = engine.submit(realtime_pipeline).wait(60)
    assert job.status == "Completed" and job.pipeline.kind == "realtime"
    return job.id


@pytest.mark.parametrize(("pipeline_name", "expected"), [
    ("Regression: Automobile fuel economy (Basic)-real time inference", "regression-automobile-fuel"),
    ("2 cars - real time", "cars-real-time"), ("x", "realtime-endpoint")])
def test_suggested_name_is_a_valid_endpoint_name_of_whole_words(pipeline_name, expected):
    assert suggested_name(pipeline_name) == expected


def test_example_row_takes_the_sample_values_and_a_value_of_each_type_for_the_rest():
    schema = [{"name": "Make", "type": "String"}, {"name": "Doors", "type": "Integer"},
              {"name": "Price", "type": "Double"}, {"name": "Used", "type": "Boolean"}]
    row = example_row(schema, {"Make": "audi", "Price": None, "Ignored": 1})
    assert row == {"Make": "audi", "Doors": 0, "Price": None, "Used": False}
    assert score_body([ExampleInput("WebServiceInput0", [row])]) == {
        "Inputs": {"WebServiceInput0": [row]}, "GlobalParameters": {}}


def deploy_dialog(window, qtbot) -> DeployDialog:
    dialog = window.findChildren(DeployDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def deploy(dialog: DeployDialog, qtbot) -> tuple[str, str]:
    with qtbot.waitSignal(dialog.deployed, timeout=30000) as deployed:
        dialog.deploy_button.click()
    return tuple(deployed.args)


def confirm(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def test_deploy_from_the_run_menu_the_job_window_and_the_jobs_list(main_window, engine, realtime_pipeline, qtbot):
    window, online = main_window, main_window.endpoints.online
    assert not window.inference.deploy_action.isEnabled()
    window.drafts.new(realtime_pipeline)
    job = engine.submit(window.adapter.to_pipeline(), draft_id=window.drafts.current).wait(60)
    assert job.status == "Completed"
    qtbot.waitUntil(window.inference.deploy_action.isEnabled, timeout=10000)  # the draft's real-time job completed

    window.endpoints.grab().save("/tmp/online_empty.png")
    window.inference.deploy_action.trigger()
    dialog = deploy_dialog(window, qtbot)
    assert dialog.name.text() == suggested_name(realtime_pipeline.name) and dialog.deploy_button.isEnabled()
    dialog.grab().save("/tmp/online_deploy_setup.png")
    dialog.name.setText("1-bad name")
    assert not dialog.deploy_button.isEnabled() and "starting with a letter" in dialog.note.text()
    dialog.name.setText("fuel")
    name, key = deploy(dialog, qtbot)
    assert name == "fuel" and dialog.primary_key.text() == key and dialog.primary_key.isVisibleTo(dialog)
    assert dialog.scoring_uri.text() == "http://127.0.0.1:8765/endpoints/fuel/score"  # the server's default address
    assert "shown again" in dialog.key_note.text()
    dialog.primary_key.copy_button.click()
    assert QGuiApplication.clipboard().text() == key
    assert OnlineEndpoints(engine.workspace).credentials("fuel").accepts(key)
    window.resize(1400, 900)
    dialog.grab().save("/tmp/online_deploy_dialog.png")
    dialog.close()
    assert window.bottom_tabs.currentWidget() is window.endpoints
    assert window.endpoints.kinds.currentWidget() is online
    assert online.selected.name == "fuel" and online.keys == {"fuel": {"primary": key}}
    assert online.items["fuel"].text(1) == "Server stopped" and online.items["fuel"].text(2) == "1"
    online.tabs.setCurrentWidget(online.consume)
    assert online.consume.rest_endpoint.text() == "http://127.0.0.1:8765/endpoints/fuel/score"
    qtbot.waitUntil(lambda: "Horsepower" in online.consume.editors["Python"].toPlainText())  # the job's first row
    assert online.consume.key_fields["primary"].text() == key
    window.endpoints.grab().save("/tmp/online_stopped_consume.png")

    view = window.job_windows.open(job.id)
    assert view.deploy_button.isVisibleTo(view) and not view.inference_button.isVisibleTo(view)
    view.grab().save("/tmp/online_job_view.png")
    view.deploy_button.click()
    dialog = deploy_dialog(window, qtbot)
    assert dialog.parent() is view
    dialog.name.setText("fuel")
    assert "becomes version 2" in dialog.note.text() and "keys stay" in dialog.note.text()
    assert deploy(dialog, qtbot) == ("fuel", "")  # a redeploy keeps the keys
    assert not dialog.primary_key.isVisibleTo(dialog)
    dialog.close()
    assert online.items["fuel"].text(2) == "2" and online.keys["fuel"]["primary"] == key

    jobs = window.jobs
    jobs.select_job(job.id)
    assert jobs.deploy_action.isEnabled()
    jobs.deploy_action.trigger()
    dialog = deploy_dialog(window, qtbot)
    dialog.name.setText("fuel-copy")
    assert deploy(dialog, qtbot)[0] == "fuel-copy"
    dialog.close()
    assert sorted(online.items) == ["fuel", "fuel-copy"] and online.selected.name == "fuel-copy"
    training = next(j for j in engine.workspace.jobs.list() if j.pipeline.kind == "training")
    jobs.select_job(training.id)
    assert not jobs.deploy_action.isEnabled()  # only a completed real-time inference job deploys


def test_deploy_refused_says_why(main_window, engine, qtbot):
    training = engine.submit(regression_sample()).wait(60)
    dialog = main_window.endpoints.deploy(training.id)
    dialog.name.setText("fuel")
    dialog.deploy_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=30000)
    assert "could not be deployed" in dialog.message.text() and "real-time inference" in dialog.message.text()
    assert dialog.deploy_button.isEnabled() and OnlineEndpoints(engine.workspace).list() == []


def run_snippet(code: str, cwd, key: str) -> subprocess.CompletedProcess:
    env = {**os.environ, KEY_VARIABLE: key}
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=SNIPPET_TIMEOUT_S)


def test_live_state_keys_test_and_consume_against_the_running_server(main_window, engine, realtime_job, qtbot,
                                                                     tmp_path):
    window, online = main_window, main_window.endpoints.online
    _endpoint, first_key = OnlineEndpoints(engine.workspace, engine.registry).deploy(realtime_job, "fuel")
    online.refresh()  # deployed outside the app (CLI): its key is not known here
    window._reveal(window.endpoints)
    window.endpoints.kinds.setCurrentWidget(online)
    consume, test = online.consume, online.test
    assert consume.key_fields["primary"].text() == "" and not consume.key_fields["primary"].copy_button.isEnabled()
    assert not test.send_button.isEnabled() and "Start the server" in test.hint.text()

    url = start_server(window, qtbot)
    qtbot.waitUntil(lambda: online.items["fuel"].text(1) == "Healthy", timeout=30000)  # polled from GET /endpoints
    assert online.items["fuel"].text(3) == "0" and online.scoring_uri.text() == f"{url}/endpoints/fuel/score"
    assert "Miles_per_Gallon (Double)" in online.inputs.text()
    body = json.loads(test.request.toPlainText())
    rows = body["Inputs"]["WebServiceInput0"]
    assert len(rows) == 1 and rows[0]["Name"] and "Horsepower" in rows[0]  # the job's first row
    assert "Enter the endpoint's key" in test.hint.text()

    online.tabs.setCurrentWidget(consume)
    box = consume.ask_regenerate("primary")
    with qtbot.waitSignal(consume.key_changed, timeout=30000) as changed:
        confirm(box)
    key = changed.args[2]
    assert changed.args[:2] == ["fuel", "primary"] and key != first_key
    assert consume.key_fields["primary"].text() == key and test.key.text() == key
    assert consume.key_fields["primary"].line.echoMode() == consume.key_fields["primary"].line.EchoMode.Password
    refused = httpx.post(f"{url}/endpoints/fuel/score", json=body, headers={"Authorization": f"Bearer {first_key}"})
    assert refused.status_code == 401  # the old key stopped working

    online.tabs.setCurrentWidget(test)
    with qtbot.waitSignal(test.answered, timeout=30000) as answered:
        test.send_button.click()
    reply = answered.args[0]
    assert reply.status == 200 and test.status.text().startswith("200 OK")
    scored = json.loads(test.response.toPlainText())["Results"]["WebServiceOutput0"][0][SCORED]
    assert isinstance(scored, float)

    broken = {"Inputs": {"WebServiceInput0": [{k: v for k, v in rows[0].items() if k != "Horsepower"}]}}
    test.request.setPlainText(json.dumps(broken))
    with qtbot.waitSignal(test.answered, timeout=30000) as answered:
        test.send_button.click()
    assert answered.args[0].status == 400 and test.status.text().startswith("400 Bad Request")
    assert "Horsepower" in test.status.text() and "InvalidInput" in test.status.text()
    test.request.setPlainText("{not json")
    assert not test.send_button.isEnabled() and "not valid JSON" in test.hint.text()
    test.reset_button.click()
    assert json.loads(test.request.toPlainText()) == body

    qtbot.waitUntil(lambda: online.items["fuel"].text(3) == "2 (1 failed)", timeout=10000)  # live request counts (a refused key is not counted)
    assert online.items["fuel"].text(4).endswith(" ms") and "p95" in online.latency.text()
    assert online.poller.isActive()
    window.bottom_tabs.setCurrentWidget(window.jobs)
    assert not online.poller.isActive()  # the server is asked only while the view is visible
    window.bottom_tabs.setCurrentWidget(window.endpoints)
    assert online.poller.isActive()

    python = consume.editors["Python"].toPlainText()
    assert f"{url}/endpoints/fuel/score" in python
    done = run_snippet(python, tmp_path, key)
    assert done.returncode == 0, done.stderr
    assert "WebServiceOutput0" in done.stdout and f"{scored}" in done.stdout
    snippets = ["MLflow format", "MLflow client"] if importlib.util.find_spec("mlflow") else ["MLflow format"]
    for name in snippets:
        mlflow = run_snippet(consume.editors[name].toPlainText(), tmp_path, key)
        assert mlflow.returncode == 0, mlflow.stderr
        assert json.loads(mlflow.stdout) == pytest.approx([scored], rel=1e-9)
    if shutil.which("curl"):
        curl = subprocess.run(["sh", "-c", consume.editors["curl"].toPlainText()], cwd=tmp_path,
                              env={**os.environ, KEY_VARIABLE: key}, capture_output=True, text=True,
                              timeout=SNIPPET_TIMEOUT_S)
        assert curl.returncode == 0, curl.stderr
        assert json.loads(curl.stdout)["Results"]["WebServiceOutput0"][0][SCORED] == pytest.approx(scored)
    refused = run_snippet(python, tmp_path, "wrong")
    assert refused.returncode != 0 and "401" in refused.stderr and "Unauthorized" in refused.stderr

    window.resize(1400, 1000)
    window.resizeDocks([window.docks["bottom"]], [520], Qt.Orientation.Vertical)
    for theme in ("light", "dark"):
        window.set_theme(theme)
        for index in range(online.tabs.count()):
            online.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            window.endpoints.grab().save(f"/tmp/online_{online.tabs.tabText(index).lower()}_{theme}.png")

    box = online.ask_delete()
    confirm(box)
    qtbot.waitUntil(lambda: "fuel" not in online.items, timeout=30000)
    with pytest.raises(OnlineEndpointNotFound):
        OnlineEndpoints(engine.workspace).get("fuel")
    assert httpx.post(f"{url}/endpoints/fuel/score", json=body,
                      headers={"Authorization": f"Bearer {key}"}).status_code == 404
    assert "No real-time endpoints yet" in online.heading.text()

    with qtbot.waitSignal(window.server.url_changed, timeout=30000):
        window.server.stop_action.trigger()
    assert all(t.revoked for t in Tokens(engine.workspace.store).list())  # the monitor's token went with the server
