"""The status bar shows the portfolio's one data date (services.data_date), the day every page
counts from: the stored date when there is one, else the newest transaction's booking date."""

from __future__ import annotations

from pathlib import Path

from relmgr.storage import open_portfolio
from tests.conftest import DEMO_AS_OF, DEMO_PASSWORD_FOR_TESTS


def _unlock(window, path: Path, qtbot) -> None:
    dialog = window.ask_to_unlock(portfolio=str(path))
    dialog.open_path_edit.setText(str(path))
    dialog.open_password_edit.setText(DEMO_PASSWORD_FOR_TESTS)
    with qtbot.waitSignal(window.customers_page.loaded, timeout=20_000):
        dialog.primary_button.click()


def test_status_bar_shows_the_stored_data_date(window_and_db, writable_demo_portfolio: Path, qtbot) -> None:
    window, _db = window_and_db
    _unlock(window, writable_demo_portfolio, qtbot)
    qtbot.waitUntil(lambda: DEMO_AS_OF.isoformat() in window.as_of_label.text(), timeout=10_000)


def test_without_a_stored_date_the_newest_transaction_dates_the_data(
        window_and_db, writable_demo_portfolio: Path, qtbot) -> None:
    with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        portfolio.conn.execute("DELETE FROM meta WHERE key = 'as_of'")
        portfolio.conn.commit()
        newest = portfolio.query("SELECT MAX(txn_date) FROM transactions")[0][0][:10]
    window, _db = window_and_db
    _unlock(window, writable_demo_portfolio, qtbot)
    qtbot.waitUntil(lambda: newest in window.as_of_label.text(), timeout=10_000)
    assert window.as_of_label.text() != ""
