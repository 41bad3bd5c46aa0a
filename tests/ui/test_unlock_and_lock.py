"""Unlocking with the right and the wrong password; locking by hand and by idle timer."""

from __future__ import annotations

import hashlib
from pathlib import Path

from relmgr.storage import open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_right_password_shows_the_customer_list(unlocked_window) -> None:
    window = unlocked_window
    assert not window.is_locked
    assert window.customers_page.model.rowCount() == 300
    assert window.isVisible()
    assert "300" in window.count_label.text()


def test_wrong_password_says_so_and_changes_nothing(window_and_db, writable_demo_portfolio, qtbot) -> None:
    window, db = window_and_db
    before = _sha(writable_demo_portfolio)
    dialog = window.ask_to_unlock(portfolio=str(writable_demo_portfolio))
    dialog.open_path_edit.setText(str(writable_demo_portfolio))
    dialog.open_password_edit.setText("not-the-password")
    dialog.primary_button.click()
    qtbot.waitUntil(lambda: dialog.message_text != "", timeout=10_000)
    assert dialog.message_text == "Wrong password."
    assert dialog.open_password_edit.text() == ""            # cleared for the next try
    assert window.is_locked and window.customers_page.model.rowCount() == 0
    assert db.portfolio_path is None
    assert _sha(writable_demo_portfolio) == before


def test_not_a_portfolio_gets_its_own_message(window_and_db, tmp_path, qtbot) -> None:
    window, _db = window_and_db
    junk = tmp_path / "notes.rmdb"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    dialog = window.ask_to_unlock(portfolio=str(junk))
    dialog.open_path_edit.setText(str(junk))
    dialog.open_password_edit.setText("whatever-1")
    dialog.primary_button.click()
    qtbot.waitUntil(lambda: dialog.message_text != "", timeout=10_000)
    assert dialog.message_text == "This file is not a relmgr portfolio."


def test_lock_hides_everything_and_closes_the_database(unlocked_window, writable_demo_portfolio, qtbot) -> None:
    window = unlocked_window
    window.customers_page.table.selectRow(0)
    qtbot.waitUntil(lambda: window.customers_page.pane.view is not None, timeout=10_000)
    with qtbot.waitSignal(window.locked):
        window.lock_action.trigger()
    assert window.is_locked
    assert window.customers_page.model.rowCount() == 0
    assert len(window.customers_page.model.frame) == 0      # no customer data kept in memory
    assert window.customers_page.pane.view is None
    qtbot.waitUntil(lambda: window.db.portfolio_path is None, timeout=5_000)
    # The unlock dialog is back, for the same file, asking for the password only.
    dialog = window.unlock_dialog
    assert dialog is not None and dialog.locked_path == str(writable_demo_portfolio)
    dialog.locked_password_edit.setText(DEMO_PASSWORD_FOR_TESTS)
    with qtbot.waitSignal(window.customers_page.loaded, timeout=20_000):
        dialog.primary_button.click()
    assert window.customers_page.model.rowCount() == 300

    def audit_actions() -> list[str]:
        with open_portfolio(writable_demo_portfolio, DEMO_PASSWORD_FOR_TESTS) as portfolio:
            return [r[0] for r in portfolio.query("SELECT action FROM audit_log ORDER BY audit_id")]
    # Audit rows are written on the database thread, after the screen has moved on.
    qtbot.waitUntil(lambda: audit_actions()[-3:] == ["UNLOCKED", "LOCKED", "UNLOCKED"], timeout=10_000)


def test_idle_time_locks_by_itself(unlocked_window, qtbot) -> None:
    window = unlocked_window
    window.idle.set_interval_ms(200)
    with qtbot.waitSignal(window.locked, timeout=5_000):
        pass
    assert window.is_locked and window.customers_page.model.rowCount() == 0


def test_unlock_opens_today_and_brings_stale_analytics_up_to_date(window_and_db, demo_portfolio_file,
                                                                   tmp_path, qtbot) -> None:
    """A portfolio whose segments and churn scores are older than its data (here: never
    computed) gets both refreshed after unlock, and the Today list then carries churn warnings."""
    from relmgr.services.daily import stale_analytics
    from relmgr.services.worklist import WorkReason

    path = tmp_path / "fresh.rmdb"
    path.write_bytes(demo_portfolio_file.read_bytes())
    window, _db = window_and_db
    dialog = window.ask_to_unlock(portfolio=str(path))
    dialog.open_path_edit.setText(str(path))
    dialog.open_password_edit.setText(DEMO_PASSWORD_FOR_TESTS)
    with qtbot.waitSignal(window.today_page.loaded, timeout=20_000):
        dialog.primary_button.click()
    assert window.stack.currentWidget() is window.home_page and window.nav.currentRow() == 0

    def churn_on_today() -> bool:
        data = window.today_page.data
        return data is not None and any(WorkReason.CHURN_RISK in r for r in data.frame["reasons"])

    # Today's plan was chosen before the scores existed; it says it can be chosen again on the
    # updated analytics rather than reshuffling itself under the RM's eyes.
    today = window.today_page
    qtbot.waitUntil(lambda: not today.updated_bar.isHidden() or churn_on_today(), timeout=60_000)
    qtbot.waitUntil(lambda: not window.catch_up.running, timeout=60_000)
    if not churn_on_today():
        today.reload_plan()
    qtbot.waitUntil(churn_on_today, timeout=60_000)
    qtbot.waitUntil(lambda: window.segments_page.views is not None, timeout=10_000)
    with open_portfolio(path, DEMO_PASSWORD_FOR_TESTS) as portfolio:
        assert stale_analytics(portfolio) == []


def test_the_lock_screen_opens_another_portfolio(unlocked_window, writable_demo_portfolio, tmp_path, qtbot) -> None:
    """From the locked demo to a second portfolio without quitting: 'Open another portfolio…'
    swaps the password-only form for the tabs, the file field starts at the locked file, and
    unlocking opens the file chosen; the status bar names it."""
    from relmgr.storage import create_portfolio

    other = tmp_path / "cover.rmdb"
    create_portfolio(other, "another-pw-1").close()
    window = unlocked_window
    with qtbot.waitSignal(window.locked):
        window.lock_action.trigger()
    dialog = window.unlock_dialog
    assert dialog.switch_button.text() == "Open another portfolio…" and dialog.tabs.isHidden()
    dialog.locked_password_edit.setText("typed before switching")
    dialog.switch_button.click()
    assert dialog.locked_path is None and dialog.locked_page.isHidden() and not dialog.tabs.isHidden()
    assert dialog.tabs.currentIndex() == dialog.TAB_OPEN and dialog.primary_button.text() == "Unlock"
    assert dialog.open_path_edit.text() == str(writable_demo_portfolio)
    assert dialog.locked_password_edit.text() == ""
    dialog.open_path_edit.setText(str(other))
    dialog.open_password_edit.setText("another-pw-1")
    with qtbot.waitSignal(window.customers_page.loaded, timeout=20_000):
        dialog.primary_button.click()
    assert window.portfolio_path == str(other) and Path(window.db.portfolio_path) == other
    assert "cover.rmdb" in window.file_label.text()
    assert window.customers_page.model.rowCount() == 0


def test_a_failed_upgrade_is_not_called_damage(window_and_db) -> None:
    from relmgr.storage import UpgradeFailed

    window, _db = window_and_db
    dialog = window.ask_to_unlock()
    headline, detail = dialog._error_message(UpgradeFailed("p.rmdb: could not be upgraded to schema 16 (x)"))
    assert headline() == "This portfolio could not be upgraded to this version of relmgr. It was left as it was."
    assert "schema 16" in detail
