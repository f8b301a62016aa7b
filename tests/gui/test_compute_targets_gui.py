"""The workspace's Dask targets in the app: listed where a compute is chosen, and a job running on one links to
its dashboard."""
from __future__ import annotations

from designer_app.jobs.job_view import JobView
from designer_app.submit_dialog import SubmitDialog
from engine.compute_targets import StoredTargets
from tests.engine.builders import data_node, pipeline

DASHBOARD = "http://10.0.0.5:8787/status"


def test_the_submit_dialog_lists_the_stored_targets(engine, qtbot):
    StoredTargets(engine.workspace.store).add("big", "tcp://10.0.0.5:8786")
    dialog = SubmitDialog(engine, pipeline(data_node(), default_compute="big"))
    qtbot.addWidget(dialog)
    assert [dialog.compute.itemText(i) for i in range(dialog.compute.count())] == ["big", "local", "local-processes"]
    assert dialog.compute.currentText() == "big"


def test_a_job_on_a_dask_target_links_to_its_dashboard_while_it_runs(engine, bridge, qtbot):
    targets = StoredTargets(engine.workspace.store)
    targets.add("big", "tcp://10.0.0.5:8786", DASHBOARD)
    targets.add("plain", "tcp://10.0.0.6:8786")
    on_big = engine.workspace.jobs.create(pipeline(data_node(), default_compute="big"), "Default")
    view = JobView(engine, bridge, on_big)
    qtbot.addWidget(view)
    assert view.dashboard.isVisibleTo(view)
    assert f'href="{DASHBOARD}"' in view.dashboard.text() and "Dask dashboard (big)" in view.dashboard.text()
    for other in (pipeline(data_node(), default_compute="plain"), pipeline(data_node())):
        plain = JobView(engine, bridge, engine.workspace.jobs.create(other, "Default"))
        qtbot.addWidget(plain)
        assert not plain.dashboard.isVisibleTo(plain)
