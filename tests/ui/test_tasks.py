"""The task runner: results, errors, progress and Cancel come back on the GUI thread, and a
flood of progress followed by the result never re-enters or hangs the GUI."""

from __future__ import annotations

import threading
import time

import pytest

from relmgr.domain.progress import check_cancel


@pytest.fixture
def runner(qapp):
    from relmgr.storage.db_thread import DatabaseThread
    from relmgr.ui.shell.runner import TaskRunner

    db = DatabaseThread()
    runner = TaskRunner(db)
    yield runner
    runner.close()
    db.shutdown()


def _answer(value, *, progress, cancel, steps=200):
    for i in range(steps):
        progress(i / steps, "work")
    return value


def test_result_comes_back_on_the_gui_thread_and_the_dialog_goes(qtbot, runner) -> None:
    seen = []
    gui_thread = threading.current_thread()
    runner.run_long(_answer, 42, title="Working", parent=None, needs_portfolio=False,
                    on_done=lambda v: seen.append((v, threading.current_thread())))
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [(42, gui_thread)]
    assert runner._dialogs == {}
    qtbot.waitUntil(lambda: not runner._poll.isActive(), timeout=1_000)


def test_errors_go_to_on_error(qtbot, runner) -> None:
    errors = []

    def fail(*, progress, cancel):
        raise ValueError("bad row 3")

    runner.run_long(fail, title="Working", parent=None, needs_portfolio=False,
                    on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "bad row 3"


def test_cancel_stops_the_work_and_reports_cancelled(qtbot, runner) -> None:
    started, cancelled, done = threading.Event(), [], []

    def slow(*, progress, cancel):
        started.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            check_cancel(cancel)
            progress(0.5, "waiting")
            time.sleep(0.01)
        return "finished"

    runner.run_long(slow, title="Working", parent=None, needs_portfolio=False,
                    on_done=done.append, on_cancelled=lambda: cancelled.append(True))
    assert started.wait(5)
    (dialog,) = runner._dialogs.values()
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)  # shown once the work outlasts 300 ms
    dialog.cancel_button.click()
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5_000)
    assert done == [] and runner._dialogs == {}


def test_a_flood_of_progress_and_results_never_hangs(qtbot, runner) -> None:
    """Many long operations, each sending hundreds of progress reports, finish in any order."""
    results = []
    for i in range(30):
        runner.run_long(_answer, i, title="Working", parent=None, needs_portfolio=False,
                        on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 30, timeout=20_000)
    assert sorted(results) == list(range(30))
    assert runner._dialogs == {}


def test_nothing_is_delivered_after_close(qtbot, runner) -> None:
    seen = []
    gate = threading.Event()

    def waits(*, progress, cancel):
        gate.wait(5)
        return 1

    runner.run_long(waits, title="Working", parent=None, needs_portfolio=False,
                    on_done=seen.append)
    runner.close()
    gate.set()
    qtbot.wait(200)
    assert seen == [] and runner._dialogs == {}
    assert runner.run_db(lambda p: 1).cancelled()


def test_closing_asks_long_work_to_stop(qtbot, runner) -> None:
    """Quitting mid-refresh must not leave the database thread busy for the rest of it."""
    started, stopped = threading.Event(), threading.Event()

    def endless(*, progress, cancel):
        started.set()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if cancel():
                stopped.set()
                return None
            time.sleep(0.01)
        return None

    runner.run_long(endless, title="Working", parent=None, needs_portfolio=False)
    assert started.wait(5)
    runner.close()
    assert stopped.wait(5)
