"""Per-step logs: two steps running at the same time each keep exactly their own prints and warnings."""
from __future__ import annotations

import threading
import warnings
from concurrent.futures import ThreadPoolExecutor

from engine.step_logs import capture, step_logger

ROUNDS = 20


def chatty(tag: str, barrier: threading.Barrier) -> str:
    with capture() as log:
        barrier.wait()
        for i in range(ROUNDS):
            print(f"{tag} line {i}")
            warnings.warn("the same warning from the same line", UserWarning, stacklevel=1)
            step_logger().info("%s record %d", tag, i)
            barrier.wait()  # both steps interleave round by round
        return log.getvalue()


def test_two_concurrent_steps_each_get_exactly_their_own_output():
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(2) as pool:
        a, b = pool.submit(chatty, "A", barrier), pool.submit(chatty, "B", barrier)
        logs = {"A": a.result(timeout=30), "B": b.result(timeout=30)}
    for mine, other in (("A", "B"), ("B", "A")):
        log = logs[mine]
        assert [f"{mine} line {i}" in log for i in range(ROUNDS)] == [True] * ROUNDS
        assert [f"{mine} record {i}" in log for i in range(ROUNDS)] == [True] * ROUNDS
        assert f"{other} line" not in log and f"{other} record" not in log
        assert log.count("UserWarning: the same warning from the same line") == ROUNDS  # every one, none of the other's


def test_output_outside_a_step_passes_through(capsys):
    with capture():
        pass
    print("not in a step")
    assert "not in a step" in capsys.readouterr().out


def test_explicit_filters_still_win_inside_a_step():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with capture() as log:
            warnings.warn("old api", DeprecationWarning, stacklevel=1)
            warnings.warn("kept", UserWarning, stacklevel=1)
    assert "old api" not in log.getvalue() and "kept" in log.getvalue()
