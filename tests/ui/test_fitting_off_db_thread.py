"""Model fitting runs off the database thread (TaskRunner.run_staged): during a retrain the RM's
customer search and 360 pane are answered; the page shows progress inside itself, with Cancel;
starting again cancels the run before, whose result never arrives."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication

from relmgr.domain.progress import check_cancel
from relmgr.services import churn
from relmgr.services.churn import model_card
from relmgr.services.customers import filter_customers, load_customer_360, load_customer_list
from relmgr.services.staged import Staged

TIMEOUT_MS = 60_000


@pytest.fixture
def held_fit(monkeypatch):
    """Churn training that waits (checking Cancel) until the test lets it go, and records the
    thread it ran on."""
    release, started, threads = threading.Event(), threading.Event(), []
    real = churn.train_churn

    def slow_train(history, *, cancel, **kwargs):
        threads.append(threading.current_thread().name)
        started.set()
        while not release.wait(0.02):
            check_cancel(cancel)
        return real(history, cancel=cancel, **kwargs)

    monkeypatch.setattr(churn, "train_churn", slow_train)
    return release, started, threads


def test_search_and_360_pane_are_answered_during_a_retrain(qtbot, runner_on_demo, held_fit):
    from relmgr.ui.churn.model_card import ModelCardPage

    release, started, threads = held_fit
    page = ModelCardPage(runner_on_demo)
    qtbot.addWidget(page)
    page.show()
    page.retrain()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT_MS)
    assert not page.progress_strip.isHidden() and page.progress_strip.cancel_button.isEnabled()
    assert QApplication.activeModalWidget() is None                      # no modal dialog

    answers: dict[str, object] = {}
    runner_on_demo.run_db(load_customer_list, on_done=lambda frame: answers.update(list=frame))
    qtbot.waitUntil(lambda: "list" in answers, timeout=5_000)
    frame = answers["list"]
    hits = filter_customers(frame, str(frame["customer_id"].iloc[3]))
    customer_id = str(frame["customer_id"].iloc[hits[0]])
    runner_on_demo.run_db(load_customer_360, customer_id, on_done=lambda view: answers.update(pane=view))
    qtbot.waitUntil(lambda: "pane" in answers, timeout=5_000)
    assert not release.is_set()                 # both answered while the fit was still running
    assert threads == ["relmgr-fit_0"]          # the fitting thread, not relmgr-db

    with qtbot.waitSignal(page.retrained, timeout=TIMEOUT_MS):
        release.set()
    assert page.progress_strip.isHidden()
    assert page.card is not None and page.card.get("model_id") is not None


def test_cancel_in_the_page_stores_nothing(qtbot, runner_on_demo, writable_demo_portfolio, held_fit):
    from relmgr.ui.churn.model_card import ModelCardPage

    release, started, _threads = held_fit
    before = runner_on_demo.db.submit(model_card).result().get("model_id")
    page = ModelCardPage(runner_on_demo)
    qtbot.addWidget(page)
    page.retrain()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT_MS)
    page.progress_strip.cancel_button.click()
    qtbot.waitUntil(page.progress_strip.isHidden, timeout=TIMEOUT_MS)
    assert "cancelled" in page.status_label.text()
    assert runner_on_demo.db.submit(model_card).result().get("model_id") == before


def test_starting_again_cancels_the_run_before_and_drops_its_result(qtbot, runner_on_demo):
    gate = threading.Event()
    seen_cancel: list[int] = []
    writes: list[int] = []

    def read(portfolio, *, run):
        return run, len(load_customer_list(portfolio))

    def fit(snapshot, *, progress, cancel):
        run, customers = snapshot
        progress(0.5, "fit")
        while run == 1 and not gate.wait(0.01):
            if cancel():
                seen_cancel.append(run)
                gate.wait(2)            # finish anyway, late: its result must still be dropped
                break
        return run, customers

    def write(portfolio, fitted):
        writes.append(fitted[0])
        return fitted

    staged = Staged(read, fit, write)
    outcomes: list[tuple[str, object]] = []
    steps: list[str] = []
    for run in (1, 2):
        runner_on_demo.run_staged(staged, key="test", run=run,
                                  on_progress=lambda f, step: steps.append(step),
                                  on_done=lambda value: outcomes.append(("done", value)),
                                  on_cancelled=lambda: outcomes.append(("cancelled", None)),
                                  on_error=lambda error: outcomes.append(("error", error)))
        if run == 1:
            qtbot.waitUntil(lambda: "fit" in steps, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=TIMEOUT_MS)
    gate.set()
    time.sleep(0.2)
    qtbot.wait(100)
    assert seen_cancel == [1]
    assert writes == [2]                        # the first run never reached the database
    assert len(outcomes) == 1 and outcomes[0][0] == "done" and outcomes[0][1][0] == 2


def test_the_catch_up_after_unlock_computes_off_the_database_thread(window_and_db, demo_portfolio_file,
                                                                   tmp_path, qtbot, monkeypatch):
    """A portfolio never analysed: after unlock the window computes segments (a full refresh) and
    scores churn in stages, with progress in a strip above the pages; a 360 pane is answered
    meanwhile; Cancel stops it and keeps what finished; asking again finishes the work."""
    from relmgr.services import segments
    from relmgr.services.daily import stale_analytics
    from tests.conftest import DEMO_PASSWORD_FOR_TESTS

    release, started, threads = threading.Event(), threading.Event(), []
    real = segments.compute_segments

    def held_compute(inputs, *, cancel, **kwargs):
        threads.append(threading.current_thread().name)
        started.set()
        while not release.wait(0.02):
            check_cancel(cancel)
        return real(inputs, cancel=cancel, **kwargs)

    monkeypatch.setattr(segments, "compute_segments", held_compute)
    path = tmp_path / "fresh.rmdb"
    path.write_bytes(demo_portfolio_file.read_bytes())
    window, _db = window_and_db
    dialog = window.ask_to_unlock(portfolio=str(path))
    dialog.open_path_edit.setText(str(path))
    dialog.open_password_edit.setText(DEMO_PASSWORD_FOR_TESTS)
    dialog.primary_button.click()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT_MS)
    strip = window.analytics_strip
    assert not strip.isHidden() and strip.cancel_button.isEnabled()
    assert QApplication.activeModalWidget() is None                      # no modal dialog
    assert threads == ["relmgr-fit_0"]

    answers: dict[str, object] = {}
    window.runner.run_db(load_customer_list, on_done=lambda frame: answers.update(list=frame))
    qtbot.waitUntil(lambda: "list" in answers, timeout=5_000)
    customer_id = str(answers["list"]["customer_id"].iloc[0])
    window.runner.run_db(load_customer_360, customer_id, on_done=lambda view: answers.update(pane=view))
    qtbot.waitUntil(lambda: "pane" in answers, timeout=5_000)
    assert not release.is_set()                 # answered while the refresh was still computing

    strip.cancel_button.click()                 # stops the refresh and the scoring after it
    qtbot.waitUntil(strip.isHidden, timeout=TIMEOUT_MS)
    assert window.runner.db.submit(stale_analytics).result() == ["segments", "churn"]

    release.set()
    window.refresh_segments()                   # the RM asks again (Service tiers ▸ Refresh)
    qtbot.waitUntil(lambda: not strip.isHidden(), timeout=5_000)
    qtbot.waitUntil(strip.isHidden, timeout=TIMEOUT_MS)
    assert window.runner.db.submit(stale_analytics).result() == ["churn"]
