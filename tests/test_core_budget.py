"""plugins/core/budget.py: a time budget for one step on untrusted input."""

import signal
import threading
import time

import pytest

from plugins.contract import settings as contract_settings
from plugins.core.budget import TimeLimitExceeded, time_limit


def spin(seconds):
    """Python code busy for ``seconds`` (as Markdown's quadratic loops are)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_over_its_budget_is_stopped_and_the_timer_cleared():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded) as raised, time_limit(0.2):
        spin(30)
    assert time.monotonic() - started < 10 and raised.value.seconds == 0.2
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0
    assert signal.getsignal(signal.SIGPROF) == signal.SIG_DFL


def test_a_block_within_its_budget_runs_to_the_end_and_nothing_fires_later():
    with time_limit(0.5):
        spin(0.05)
    spin(0.6)  # past the budget: the timer was cleared when the block ended
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0


def test_a_block_waiting_is_not_stopped_its_budget_is_cpu_time():
    """The budget is the process's CPU time: a conversion on a machine busy with other
    work (a CI runner, a build beside the tests) took 4 s of CPU and over 10 s of wall
    time, and was refused as a hostile text. Waiting (here a sleep: the time the other
    processes had the CPU) does not count."""
    with time_limit(0.2):
        time.sleep(0.5)
        spin(0.05)
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0


def test_no_budget_outside_the_main_thread_or_when_sigprof_is_taken():
    def in_thread():
        with time_limit(0.1):
            spin(0.3)
            results.append(signal.getitimer(signal.ITIMER_PROF)[0])

    results = []
    worker = threading.Thread(target=in_thread)
    worker.start()
    worker.join()
    assert results == [0]  # ran to the end, no timer set

    def own(signum, frame):
        raise AssertionError("the other user's handler was replaced or fired")

    previous = signal.signal(signal.SIGPROF, own)
    try:
        with time_limit(0.1):
            spin(0.3)
        assert signal.getsignal(signal.SIGPROF) is own
    finally:
        signal.signal(signal.SIGPROF, previous)
    with time_limit(0):  # 0: no limit
        spin(0.05)


@pytest.mark.parametrize("value", [-1, "10", True, float("nan"), 7200])
def test_a_bad_budget_is_logged_and_the_default_used(value, caplog):
    installed = contract_settings.install({"CONTRACT_MARKDOWN_SECONDS": value})
    assert installed["CONTRACT_MARKDOWN_SECONDS"] == 10
    assert "CONTRACT_MARKDOWN_SECONDS: must be a number of seconds" in caplog.text
