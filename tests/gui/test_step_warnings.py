"""Warnings a step logs put an amber marker on its node, with the messages as its tooltip."""
from __future__ import annotations

import warnings

from designer_app.step_warnings import step_warnings
from tests.gui.run_helpers import slow_pipeline
from tests.gui.test_main_window_run import TIMEOUT, submit, wait_for_badges


def test_warnings_formatted_by_python_are_found():
    text = "starting\n" + warnings.formatwarning("lbfgs failed to converge", UserWarning, "/x/y.py", 12) + "done\n"
    assert step_warnings(text) == ["UserWarning: lbfgs failed to converge"]
    assert step_warnings("no warning: here\nWarning: not a python warning line") == []
    assert step_warnings(None) == []


def test_a_step_that_warns_gets_a_marker_and_one_that_does_not_gets_none(qtbot, open_main_window, slow_engine):
    window = open_main_window(slow_engine)
    pipeline, nodes = slow_pipeline(seconds=0.1)
    window.drafts.new(pipeline)
    submit(qtbot, window)
    wait_for_badges(qtbot, window, "Completed")
    adapter = window.adapter
    qtbot.waitUntil(lambda: adapter.warning_count(nodes["after"].id) == 1, timeout=TIMEOUT)
    assert adapter.warning_count(nodes["slow"].id) == 0
    badge = adapter._badges_of(adapter.node(nodes["after"].id))[3]
    assert "a warning from the step" in badge.toolTip()
    window.adapter.set_param(nodes["after"].id, "Comment", "edited")  # an edited node loses its run marks
    assert adapter.warning_count(nodes["after"].id) == 0
