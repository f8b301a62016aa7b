"""Live validation runs off the GUI thread, coalesces edits made meanwhile, and ends on the canvas as it is."""
from __future__ import annotations

import threading

from tests.gui.helpers import node_by_component


def test_analysis_runs_off_the_gui_thread_and_marks_the_edited_node(qtbot, main_window, monkeypatch):
    live, adapter, engine = main_window.live, main_window.adapter, main_window.engine
    threads = []
    analyze = engine.analyze
    monkeypatch.setattr(engine, "analyze", lambda p: threads.append(threading.current_thread()) or analyze(p))
    split = node_by_component(adapter, "split_data")
    with qtbot.waitSignal(live.analyzed, timeout=10000):
        adapter.set_param(split.id, "Fraction of rows in the first output dataset", 7.0)
    assert threads and threading.main_thread() not in threads
    assert adapter.problem_count(split.id) == 1


def test_edits_during_an_analysis_are_coalesced_and_the_last_canvas_wins(qtbot, main_window, monkeypatch):
    live, adapter, engine = main_window.live, main_window.adapter, main_window.engine
    gate, seen = threading.Event(), []
    analyze = engine.analyze
    qtbot.waitUntil(lambda: live.running is None)  # the analysis of the opened draft is in

    def slow_analyze(pipeline):
        if threading.current_thread() is not threading.main_thread():  # live validation's, not the pane's
            gate.wait(10)
            seen.append(pipeline)
        return analyze(pipeline)
    monkeypatch.setattr(engine, "analyze", slow_analyze)
    split = node_by_component(adapter, "split_data")
    key = "Fraction of rows in the first output dataset"
    adapter.set_param(split.id, key, 7.0)  # starts an analysis that waits at the gate
    qtbot.waitUntil(lambda: live.running is not None)
    for value in (8.0, 9.0, 0.5):  # edits meanwhile: one more analysis, of the last canvas
        adapter.set_param(split.id, key, value)
    gate.set()
    qtbot.waitUntil(lambda: live.running is None and len(seen) == 2, timeout=10000)
    assert [next(n for n in p.nodes if n.id == split.id).params[key] for p in seen] == [7.0, 0.5]
    assert adapter.problem_count(split.id) == 0 and not live.analysis.for_node(split.id)
