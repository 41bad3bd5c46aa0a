"""File ▸ Back up…, automatic backups on lock, and the banner when the check after unlock finds
damage (issue 13)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from relmgr.domain.codes import AuditAction
from relmgr.services import audit
from relmgr.services.backup import back_up, dated_backups
from relmgr.storage import check_integrity, open_portfolio
from tests.conftest import DEMO_PASSWORD_FOR_TESTS as PW

PAGE = 4096


def _unlock(window, path: Path, qtbot) -> None:
    dialog = window.ask_to_unlock(portfolio=str(path))
    dialog.open_path_edit.setText(str(path))
    dialog.open_password_edit.setText(PW)
    dialog.primary_button.click()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)


def test_back_up_from_the_file_menu(unlocked_window, writable_demo_portfolio: Path, tmp_path: Path,
                                    qtbot) -> None:
    window = unlocked_window
    assert window.backups.action in window.file_menu.actions() and window.backups.action.isEnabled()
    window.backups.action.trigger()
    dialog = window.backups.dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "copy.rmdb"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: "Backed up to copy.rmdb" in window.statusBar().currentMessage(), timeout=30_000)
    with open_portfolio(target, PW) as copy:
        assert check_integrity(copy) == []
        assert copy.table_counts(["customers"]) == {"customers": 300}
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=10_000)
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        assert AuditAction.BACKED_UP in set(audit.list_audit(portfolio, limit=5)["action"])


def test_locking_backs_up_to_the_folder_in_settings(unlocked_window, writable_demo_portfolio: Path,
                                                    tmp_path: Path, qtbot) -> None:
    window = unlocked_window
    folder = tmp_path / "auto"
    window.settings = dataclasses.replace(window.settings, backup_folder=str(folder), backup_keep=2)
    for _ in range(2):
        window.lock_action.trigger()
        qtbot.waitUntil(lambda: window.db.portfolio_path is None, timeout=20_000)
        window.unlock_dialog.locked_password_edit.setText(PW)
        window.unlock_dialog.primary_button.click()
        qtbot.waitUntil(lambda: not window.is_locked, timeout=20_000)
    backups = dated_backups(folder, writable_demo_portfolio)
    assert 1 <= len(backups) <= 2        # two locks within one second share a name
    with open_portfolio(backups[0], PW) as copy:
        assert check_integrity(copy) == []


def test_damage_found_after_unlock_opens_read_only_with_a_banner(window_and_db, writable_demo_portfolio: Path,
                                                                 tmp_path: Path, qtbot) -> None:
    window, _db = window_and_db
    good = tmp_path / "good.rmdb"
    with open_portfolio(writable_demo_portfolio, PW) as portfolio:
        back_up(portfolio, good)
    data = bytearray(writable_demo_portfolio.read_bytes())
    data[int(len(data) // PAGE * 0.6) * PAGE + 900] ^= 0x5A
    writable_demo_portfolio.write_bytes(bytes(data))
    _unlock(window, writable_demo_portfolio, qtbot)
    banner = window.backups.banner
    qtbot.waitUntil(banner.isVisible, timeout=20_000)
    assert "read-only" in banner.text() and str(good) in banner.text()
    # Read-only: a write is refused by the database, not half-done.
    errors = []
    window.runner.run_db(audit.record, action=AuditAction.EXPORTED, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "readonly" in str(errors[0]).lower()
    # The banner speaks the window's language.
    window.apply_settings(dataclasses.replace(window.settings, language="zh_CN"))
    qtbot.waitUntil(lambda: "只读" in banner.text(), timeout=5_000)
    assert str(good) in banner.text()
    window.apply_settings(dataclasses.replace(window.settings, language="en"))
    # Locking takes the banner away.
    window.lock_action.trigger()
    assert not banner.isVisible()


def test_an_intact_portfolio_shows_no_banner(unlocked_window, qtbot) -> None:
    window = unlocked_window
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=20_000)
    assert not window.backups.banner.isVisible() and window.backups.damage is None
