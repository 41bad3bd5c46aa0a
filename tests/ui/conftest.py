"""GUI fixtures: the real main window, unlocked through the real unlock dialog on a private
copy of the session's demo portfolio, whose segments and churn scores are already computed (so
each unlock does not recompute them; test_unlock_and_lock covers the unlock that must)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DEMO_PASSWORD_FOR_TESTS


@pytest.fixture(scope="session")
def analysed_demo_portfolio_file(demo_portfolio_file: Path, tmp_path_factory) -> Path:
    from relmgr.services.daily import refresh_stale_analytics
    from relmgr.storage import open_portfolio

    path = tmp_path_factory.mktemp("analysed") / "demo.rmdb"
    path.write_bytes(demo_portfolio_file.read_bytes())
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        refresh_stale_analytics(portfolio)
    return path


@pytest.fixture
def writable_demo_portfolio(analysed_demo_portfolio_file: Path, tmp_path: Path) -> Path:
    """A private copy of the analysed session demo portfolio that a test may change."""
    copy = tmp_path / "portfolio.rmdb"
    copy.write_bytes(analysed_demo_portfolio_file.read_bytes())
    return copy


@pytest.fixture
def window_and_db(qtbot, qapp):
    from relmgr.ui.shell.app import build_window

    window, db = build_window(qapp)
    qtbot.addWidget(window)
    yield window, db
    window.close()
    db.shutdown()


@pytest.fixture
def unlocked_window(window_and_db, writable_demo_portfolio: Path, qtbot) -> Iterator:
    """The main window with the demo portfolio unlocked and the customer list loaded."""
    window, _db = window_and_db
    dialog = window.ask_to_unlock(portfolio=str(writable_demo_portfolio))
    dialog.open_path_edit.setText(str(writable_demo_portfolio))
    dialog.open_password_edit.setText(DEMO_PASSWORD_FOR_TESTS)
    with qtbot.waitSignal(window.customers_page.loaded, timeout=20_000):
        dialog.primary_button.click()
    yield window


@pytest.fixture
def runner_on_demo(qapp, writable_demo_portfolio: Path):
    """A TaskRunner whose database thread has the demo portfolio open: for testing one page
    on its own, without the main window."""
    from relmgr.storage.db_thread import DatabaseThread
    from relmgr.ui.shell.runner import TaskRunner

    db = DatabaseThread()
    db.open(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS).result()
    runner = TaskRunner(db)
    yield runner
    runner.close()
    db.shutdown()
